import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Undo Content-Encoding, so what is checked is what a client would read. */
function decode(data: Buffer, encoding: string | undefined): Buffer {
  if (data.length === 0) return data;
  if (encoding === 'gzip') return gunzipSync(data);
  if (encoding === 'br') return brotliDecompressSync(data);
  if (encoding === 'deflate') return inflateSync(data);
  return data;
}

/**
 * node:http instead of fetch where fetch would tidy the request up: a forged Host header, a
 * raw (unnormalised) path, bodies that lie about their type. Loopback URLs only.
 */
export function rawRequest(
  base: string,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  },
  timeoutMs = 10_000,
): Promise<RawAnswer> {
  const url = new URL(base);
  if (url.hostname !== '127.0.0.1') throw new Error('rawRequest is for loopback only');
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: options.method ?? 'GET',
        path: options.path,
        // Always frame the body: node:http would send a DELETE body unframed otherwise.
        headers:
          options.body === undefined
            ? options.headers
            : { ...options.headers, 'content-length': String(Buffer.byteLength(options.body)) },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: decode(Buffer.concat(chunks), res.headers['content-encoding']).toString('utf8'),
            });
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
          }
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(options.body);
  });
}
