// /docs (Swagger UI, local files only), /ui (the panel's build: SPA fallback, cache headers, a
// clear page when it is not built) and gzip/brotli for large answers.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoLeaks } from './helpers/expectNoLeaks.js';
import { startStack, type Stack } from './helpers/startStack.js';

let stack: Stack;
let uiDir: string;
beforeAll(async () => {
  uiDir = await mkdtemp(join(tmpdir(), 'proxy-ui-'));
  await mkdir(join(uiDir, 'assets'));
  await writeFile(
    join(uiDir, 'index.html'),
    '<!doctype html><title>panel</title><div id="root"></div>',
  );
  await writeFile(join(uiDir, 'assets', 'index-Dk3x9QaZ.js'), 'console.log("panel")');
  await writeFile(join(uiDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  stack = await startStack({ env: { UI_DIR: uiDir } });
});
afterAll(async () => {
  if (!stack) return;
  await stack.stop();
  await rm(uiDir, { recursive: true, force: true });
  expectNoLeaks(stack);
});

/** A raw request, so Content-Encoding is seen as sent (fetch would decode it). */
function raw(path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: number }>(
    (resolve, reject) => {
      http
        .get(`${stack.url}${path}`, { headers }, (res) => {
          let bytes = 0;
          res.on('data', (c: Buffer) => (bytes += c.length));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, bytes }));
        })
        .on('error', reject);
    },
  );
}

describe('/docs', () => {
  it('serves a Swagger UI page whose scripts are local files, none inline', async () => {
    const { status, text, headers } = await stack.call('/docs');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^text\/html/);
    expect(text).toContain('<script src="docs/swagger-ui-bundle.js"></script>');
    expect(text).toContain('<script src="docs/swagger-initializer.js"></script>');
    expect(text).not.toMatch(/<script>|<script [^>]*>[^<]/);
    expect(text).not.toMatch(/https?:\/\//);
  });

  it('serves the bundle, the stylesheet and an initializer pointing at openapi.json', async () => {
    const bundle = await stack.call('/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
    expect((await stack.call('/docs/swagger-ui.css')).status).toBe(200);
    const init = await stack.call('/docs/swagger-initializer.js');
    expect(init.text).toContain("url: 'openapi.json'");
    expect(init.text).toContain('validatorUrl: null');
  });

  it('does not serve other files of the package (its index.html points at a remote spec)', async () => {
    expect((await stack.call('/docs/index.html')).status).toBe(404);
    expect((await stack.call('/docs/../package.json')).status).toBe(404);
  });

  it('/docs/ redirects to /docs so relative asset URLs resolve', async () => {
    const res = await fetch(`${stack.url}/docs/`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(new URL(res.headers.get('location')!, `${stack.url}/docs/`).pathname).toBe('/docs');
  });
});

describe('/ui', () => {
  it('serves index.html without caching, hashed assets for a year', async () => {
    const index = await stack.call('/ui/');
    expect(index.status).toBe(200);
    expect(index.text).toContain('<div id="root">');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const asset = await stack.call('/ui/assets/index-Dk3x9QaZ.js');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const plain = await stack.call('/ui/favicon.svg');
    expect(plain.headers.get('cache-control')).toBe('no-cache');
  });

  it('falls back to index.html for client-side routes, but not for missing files', async () => {
    const route = await stack.call('/ui/projects/Vision%2FDetection/tasks');
    expect(route.status).toBe(200);
    expect(route.text).toContain('<div id="root">');
    expect(route.headers.get('cache-control')).toBe('no-cache');
    expect((await stack.call('/ui/assets/missing-12345678.js')).status).toBe(404);
  });

  it('/ui redirects to /ui/', async () => {
    const res = await fetch(`${stack.url}/ui`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(new URL(res.headers.get('location')!, `${stack.url}/ui`).pathname).toBe('/ui/');
  });

  it('when the panel is not built, then a 503 page says to run pnpm build', async () => {
    const unbuilt = await startStack({ env: { UI_DIR: join(uiDir, 'nope') } });
    try {
      const answer = await unbuilt.call('/ui/');
      expect(answer.status).toBe(503);
      expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
      expect(answer.text).toContain('pnpm build');
      // The API is unaffected.
      expect((await unbuilt.call('/')).status).toBe(200);
    } finally {
      await unbuilt.stop();
    }
  });
});

describe('compression', () => {
  it.each([
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
  ])(
    'a large list asked with Accept-Encoding: %s is sent as %s, and smaller',
    async (accept, expected) => {
      const plain = await raw('/projects?page_size=100', { 'accept-encoding': 'identity' });
      const packed = await raw('/projects?page_size=100', { 'accept-encoding': accept });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(packed.status).toBe(200);
      expect(packed.headers['content-encoding']).toBe(expected);
      expect(packed.headers.vary).toMatch(/Accept-Encoding/i);
      expect(packed.bytes).toBeLessThan(plain.bytes / 2);
    },
  );

  it('a small answer is sent as it is', async () => {
    const small = await raw('/', { 'accept-encoding': 'gzip, br' });
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});
