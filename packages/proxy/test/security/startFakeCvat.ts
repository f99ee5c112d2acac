import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCvatUser {
  id: number;
  username: string;
  groups: string[];
  is_superuser: boolean;
  is_active?: boolean;
}

export interface FakeCvatOptions {
  /** sessionid cookie value → user. */
  sessions?: Record<string, FakeCvatUser>;
  /** `Token <key>` and `Bearer <key>` (personal access tokens) → user. */
  tokens?: Record<string, FakeCvatUser>;
  /** `user:password` for Basic → user. */
  basic?: Record<string, FakeCvatUser>;
}

/** up: answers; error: 500; slow: never answers; reset: drops the connection. */
export type FakeCvatMode = 'up' | 'error' | 'slow' | 'reset';

export interface SeenRequest {
  path: string;
  cookie?: string;
  authorization?: string;
  headerNames: string[];
}

/** A stand-in for CVAT's `GET /api/users/self`, on 127.0.0.1, with a request log. */
export async function startFakeCvat(options: FakeCvatOptions) {
  let mode: FakeCvatMode = 'up';
  let latencyMs = 0;
  const seen: SeenRequest[] = [];
  const expired = new Set<string>();
  const hanging = new Set<IncomingMessage>();

  const whoIs = (req: IncomingMessage): FakeCvatUser | undefined => {
    const auth = req.headers.authorization ?? '';
    const [scheme, value = ''] = auth.split(' ');
    if (scheme === 'Token' || scheme === 'Bearer') return options.tokens?.[value];
    if (scheme === 'Basic') {
      return options.basic?.[Buffer.from(value, 'base64').toString('utf8')];
    }
    const session = /(?:^|;\s*)sessionid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    if (session === undefined || expired.has(session)) return undefined;
    return options.sessions?.[session];
  };

  const server = createServer((req, res) => {
    if (latencyMs > 0) setTimeout(() => answer(req, res), latencyMs);
    else answer(req, res);
  });
  const answer = (req: IncomingMessage, res: ServerResponse) => {
    seen.push({
      path: req.url ?? '',
      cookie: req.headers.cookie,
      authorization: req.headers.authorization,
      headerNames: Object.keys(req.headers),
    });
    if (mode === 'reset') return req.socket.destroy();
    if (mode === 'slow') return void hanging.add(req);
    if (mode === 'error') return res.writeHead(500).end('Server Error');
    if (req.method !== 'GET' || req.url !== '/api/users/self') return res.writeHead(404).end();
    const user = whoIs(req);
    if (!user) {
      res.writeHead(401, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ detail: 'Authentication credentials were not provided.' }));
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        first_name: '',
        last_name: '',
        email: `${user.username}@example.invalid`,
        is_staff: user.is_superuser,
        is_active: true,
        ...user,
      }),
    );
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => [...seen],
    count: () => seen.length,
    setMode: (next: FakeCvatMode) => {
      mode = next;
    },
    /** Every answer comes this much later (to make concurrent checks overlap). */
    setLatency: (ms: number) => {
      latencyMs = ms;
    },
    /** The session is logged out on CVAT's side: it answers 401 from now on. */
    expireSession: (sessionid: string) => expired.add(sessionid),
    stop: async () => {
      for (const req of hanging) req.socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeCvat = Awaited<ReturnType<typeof startFakeCvat>>;

/** A loopback URL on which nothing listens: connections are refused. */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
