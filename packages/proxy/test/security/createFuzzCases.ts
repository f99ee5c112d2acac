import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import {
  CONTENT_TYPES,
  ID_SEGMENTS,
  PROJECT_SEGMENTS,
  QUERY_KEYS,
  QUERY_VALUES,
  TEMPLATES,
} from './fuzzVocabulary.js';

export interface FuzzCase {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** mulberry32: small, seeded, good enough to pick test inputs reproducibly. */
export function createPrng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Prng = ReturnType<typeof createPrng>;

const validBody = () => ({
  name: 'fake fuzz task',
  type: 'training',
  comment: 'made by the fuzz test',
  tags: ['fake'],
  hyperparameters: { General: { lr: '0.01' } },
});

function nested(depth: number, open: string, close: string) {
  return open.repeat(depth) + close.repeat(depth);
}

function jsonBody(r: Prng): string {
  const kind = r.int(14);
  switch (kind) {
    case 0:
      return JSON.stringify(validBody());
    case 1:
      return '{"name": "fake", ';
    case 2:
      return `{"name":"fake","comment":${'1'.repeat(400)}}`;
    case 3:
      return `{"name":"fake","hyperparameters":${nested(5000, '{"a":', '}').replace(/}$/, '1}')}}`;
    case 4:
      return nested(20000, '[', ']');
    case 5:
      return JSON.stringify({
        ...validBody(),
        name: r.pick([1, null, true, [], {}, '', ' ', 'x'.repeat(300)]),
      });
    case 6:
      return JSON.stringify({
        ...validBody(),
        tags: r.pick(['fake', [1, 2], [null], Array(60).fill('t'), {}]),
      });
    case 7:
      return '{"__proto__":{"polluted":true},"name":"fake","constructor":{"prototype":{"x":1}}}';
    case 8:
      return JSON.stringify({ ...validBody(), type: r.pick(['bogus', 1, 'TRAINING', null]) });
    case 9:
      return r.pick(['null', 'true', '1e999', '"text"', '[]', '', ' ', '\u0000', '{}']);
    case 10:
      return '{"name":"fake","name":"again","extra":1}';
    case 11:
      return JSON.stringify({
        ...validBody(),
        script: { repository: r.pick(['x'.repeat(5000), 1, {}]) },
      });
    case 12:
      return JSON.stringify({ name: '\ud800\udfff\u202e fake', comment: '\u0000\u001f' });
    default:
      return Buffer.from(Array.from({ length: r.int(300) }, () => r.int(256))).toString('latin1');
  }
}

function encodeBody(r: Prng, text: string, headers: Record<string, string>): Buffer {
  const raw = Buffer.from(text, r.chance(0.9) ? 'utf8' : 'latin1');
  const encoding = r.pick([
    '',
    '',
    '',
    '',
    'gzip',
    'deflate',
    'br',
    'identity',
    'compress',
    'gzip, gzip',
    'bogus',
  ]);
  if (!encoding) return raw;
  headers['content-encoding'] = encoding;
  if (r.chance(0.2)) return raw; // claims an encoding the bytes do not have
  if (encoding === 'gzip') return gzipSync(raw);
  if (encoding === 'deflate') return deflateSync(raw);
  if (encoding === 'br') return brotliCompressSync(raw);
  return raw;
}

/**
 * One random, often malformed request. `auth` are the credentials of a legitimate caller, used
 * most of the time so that requests reach the routes instead of stopping at the login check.
 */
export function createFuzzCase(r: Prng, auth: Record<string, string>[]): FuzzCase {
  let path = r
    .pick(TEMPLATES)
    .replace('{p}', () => r.pick(PROJECT_SEGMENTS))
    .replace('{id}', () => r.pick(ID_SEGMENTS));
  if (r.chance(0.6)) {
    const params = Array.from(
      { length: 1 + r.int(4) },
      () => `${r.pick(QUERY_KEYS)}=${r.pick(QUERY_VALUES)}`,
    );
    path += `?${params.join('&')}`;
  } else if (r.chance(0.1)) {
    path += r.pick(['?', '?&&', '?=', '?page', '?%', '#frag', '?page=1#x']);
  }
  const isCreate = path.includes('/tasks/create');
  const method =
    isCreate && r.chance(0.8)
      ? 'POST'
      : r.pick(['GET', 'GET', 'GET', 'GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
  const headers: Record<string, string> = r.chance(0.85) ? { ...r.pick(auth) } : {};
  if (r.chance(0.1))
    headers.authorization = r.pick([
      'Token',
      'Bearer  ',
      'Basic !!!',
      'Token ' + 'x'.repeat(5000),
      'Negotiate abc',
      'token fake-garbage',
    ]);
  if (r.chance(0.15))
    headers.cookie = r.pick([
      'sessionid=',
      'sessionid=fake-garbage',
      'a=b; sessionid',
      '=;=;',
      'sessionid="fake"; csrftoken=',
    ]);
  if (r.chance(0.2))
    headers.origin = r.pick([
      'https://evil.example',
      'null',
      'https://cvat.example.com',
      'file://',
      'x',
    ]);
  if (r.chance(0.1))
    headers.referer = r.pick(['https://evil.example/', 'not a url', 'http://127.0.0.1/']);
  if (r.chance(0.15))
    headers['idempotency-key'] = r.pick(['fake-key-1', '', 'x'.repeat(300), '%00', '\u00ff']);
  if (r.chance(0.1))
    headers['accept-encoding'] = r.pick([
      'gzip',
      'br',
      'deflate',
      'gzip;q=0, identity;q=0',
      'bogus',
    ]);
  if (r.chance(0.1))
    headers.accept = r.pick(['text/html', 'application/xml', '*/*', 'application/problem+json']);
  if (r.chance(0.05)) headers['x-forwarded-for'] = r.pick(['1.2.3.4', 'garbage', '::1, 10.0.0.1']);
  if (r.chance(0.05)) headers['access-control-request-method'] = 'POST';
  let body: Buffer | undefined;
  if (
    method === 'POST' ||
    method === 'PUT' ||
    method === 'PATCH' ||
    (method === 'DELETE' && r.chance(0.3))
  ) {
    const type = r.chance(0.7) ? 'application/json' : r.pick(CONTENT_TYPES);
    if (type) headers['content-type'] = type;
    body = encodeBody(r, jsonBody(r), headers);
  }
  return { method, path, headers, body };
}
