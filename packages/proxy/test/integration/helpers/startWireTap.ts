// A transparent HTTP relay between the proxy and the emulator that records what crosses the
// wire: every Authorization header the proxy sends and every token ClearML hands out. Tests use
// it to know the exact secrets that must never reach a caller or a log line.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WireTap {
  url: string;
  /** Tokens issued by auth.login, as the proxy received them. */
  tokens(): string[];
  /** Authorization header values the proxy sent (Basic and Bearer). */
  authorizations(): string[];
  stop(): Promise<void>;
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

export async function startWireTap(targetUrl: string): Promise<WireTap> {
  const target = new URL(targetUrl);
  const agent = new http.Agent({ keepAlive: true });
  const tokens = new Set<string>();
  const authorizations = new Set<string>();

  const relay = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readAll(req);
    if (req.headers.authorization) authorizations.add(req.headers.authorization);
    const upstream = http.request({
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, host: target.host },
      agent,
    });
    // The caller gave up (its timeout): stop waiting upstream too.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    upstream.on('error', () => res.socket?.destroy());
    upstream.on('response', (answer) => {
      void readAll(answer)
        .then((data) => {
          if (req.url?.includes('auth.login')) {
            try {
              const token = (JSON.parse(data.toString('utf8')) as { data?: { token?: unknown } })
                .data?.token;
              if (typeof token === 'string') tokens.add(token);
            } catch {
              // not JSON: nothing to record
            }
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(data);
        })
        .catch(() => res.socket?.destroy());
    });
    upstream.end(body);
  };

  const server = http.createServer((req, res) => void relay(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tokens: () => [...tokens],
    authorizations: () => [...authorizations],
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
