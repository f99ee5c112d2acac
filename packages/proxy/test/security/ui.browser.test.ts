// The panel's standalone page (/ui: Vite-built React + antd) and /docs in a real browser under
// the proxy's real security headers: the CSP must not break them, and nothing may be refused.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Chromium } from '../support/launchChromium.js';
import { startRealProxy, type RealProxy } from './startRealProxy.js';

const UI_DIR = fileURLToPath(new URL('../../../plugin/dist/ui', import.meta.url));
let proxy: RealProxy;
let browser: BrowserContext;
let chromium: Chromium;

beforeAll(async () => {
  if (!existsSync(join(UI_DIR, 'index.html'))) {
    // The page under test is the panel's real build; make it when it is missing.
    const built = spawnSync('pnpm', ['--filter', '@cvat-clearml/plugin', 'build'], {
      stdio: 'ignore',
      timeout: 240_000,
    });
    expect(built.status, 'the panel build (pnpm --filter @cvat-clearml/plugin build)').toBe(0);
  }
  proxy = await startRealProxy({ AUTH_MODE: 'none', UI_DIR });
  chromium = await launchChromium();
  browser = chromium.context;
}, 300_000);
afterAll(async () => {
  await chromium?.close();
  await proxy?.stop();
});

/** A page that records console errors, page errors and every CSP violation. */
async function watchedPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    // The browser asks for /favicon.ico on its own; the proxy has none (a 404, not a CSP matter).
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) {
      problems.push(`console: ${m.text()} ${m.location().url}`);
    }
  });
  page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`http: ${r.status()} ${new URL(r.url()).pathname}`);
  });
  await page.exposeFunction('reportViolation', (text: string) => problems.push(`csp: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { reportViolation: (t: string) => void })
        .reportViolation;
      report(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return { page, problems };
}

describe('the browser pages under the security headers', () => {
  it('/ui renders the panel with its antd styles and data, with no CSP violation', async () => {
    const { page, problems } = await watchedPage();
    const response = await page.goto(`${proxy.url.replace('127.0.0.1', 'localhost')}/ui/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    await page.getByText('Vision', { exact: true }).first().waitFor({ timeout: 30_000 });
    // antd's runtime <style> elements were applied (a refused style would leave defaults).
    const styled = await page.evaluate(() => document.querySelectorAll('style').length);
    expect(styled).toBeGreaterThan(0);
    const antd = page.locator('[class*="ant-"]').first();
    expect(await antd.evaluate((el) => getComputedStyle(el).boxSizing)).toBe('border-box');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('/docs renders Swagger UI with no CSP violation', async () => {
    const { page, problems } = await watchedPage();
    const response = await page.goto(`${proxy.url}/docs`);
    expect(response?.status()).toBe(200);
    await page.locator('.swagger-ui .info .title').waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.locator('.opblock').count(), { timeout: 10_000 })
      .toBeGreaterThan(5);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('a page on another origin cannot frame the panel', async () => {
    const { page } = await watchedPage();
    // The framing page lives on another loopback origin and has no policy of its own: only the
    // proxy's headers (frame-ancestors, X-Frame-Options) decide.
    const host = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<!doctype html><iframe src="${proxy.url}/ui/"></iframe>`);
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    try {
      await page.goto(`http://127.0.0.1:${(host.address() as AddressInfo).port}/`);
      const rendered = async () => {
        const frame = page.frames().find((f) => f.url().startsWith(proxy.url));
        if (!frame) return false;
        return frame.evaluate(() => document.querySelector('#root') !== null).catch(() => false);
      };
      // Give a frame that would load every chance to (the same page renders well within this).
      await expect
        .poll(rendered, { timeout: 3000, interval: 200 })
        .toBe(true)
        .catch(() => undefined);
      expect(await rendered()).toBe(false);
    } finally {
      host.closeAllConnections();
      await new Promise<void>((resolve) => host.close(() => resolve()));
      await page.close();
    }
  }, 60_000);
});
