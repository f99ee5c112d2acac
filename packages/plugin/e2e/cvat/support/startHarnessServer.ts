import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface HarnessServer {
  url: string;
  /** Every path requested, in order (to see when the panel chunk is fetched). */
  requests: string[];
  /** Calls forwarded to the proxy, with the headers the browser sent. */
  apiCalls: { method: string; path: string; headers: IncomingMessage['headers'] }[];
  close: () => Promise<void>;
}

/**
 * Serves the built harness like CVAT's nginx (files, else index.html for client routes) and
 * forwards `/clearml-api/*` to the proxy with the prefix stripped, as Traefik does in front
 * of the proxy in a CVAT deployment. Binds 127.0.0.1 on a free port.
 */
export async function startHarnessServer(root: string, proxyUrl: string): Promise<HarnessServer> {
  const requests: string[] = [];
  const apiCalls: HarnessServer['apiCalls'] = [];
  const proxy = new URL(proxyUrl);

  const forward = (req: IncomingMessage, res: ServerResponse, path: string) => {
    const upstream = request(
      {
        host: proxy.hostname,
        port: proxy.port,
        method: req.method,
        path,
        // Like Traefik: the browser's Host header is kept, forwarding headers are added.
        headers: {
          ...req.headers,
          'x-forwarded-host': req.headers.host ?? '',
          'x-forwarded-proto': 'http',
          'x-forwarded-prefix': '/clearml-api',
        },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('proxy unreachable');
    });
    req.pipe(upstream);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://harness');
    requests.push(url.pathname);
    if (url.pathname === '/clearml-api' || url.pathname.startsWith('/clearml-api/')) {
      const path = (url.pathname.slice('/clearml-api'.length) || '/') + url.search;
      apiCalls.push({ method: req.method ?? 'GET', path, headers: req.headers });
      forward(req, res, path);
      return;
    }
    const file = normalize(join(root, decodeURIComponent(url.pathname)));
    const inside = file.startsWith(root + sep);
    const target =
      inside && existsSync(file) && statSync(file).isFile() ? file : join(root, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream' });
    createReadStream(target).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    apiCalls,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
