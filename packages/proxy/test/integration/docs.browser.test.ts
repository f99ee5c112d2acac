// /docs in a real browser (Debian's Chromium driven by playwright-core), under the security
// layer's strict CSP: the reference must render from local files with no console errors.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Chromium } from '../support/launchChromium.js';
import { PROXY_DIR } from './helpers/spawnProcess.js';
import { startStack, type Stack } from './helpers/startStack.js';

const SCREENSHOTS = join(PROXY_DIR, 'test/integration/screenshots');
let stack: Stack;
let browser: BrowserContext;
let chromium: Chromium;

beforeAll(async () => {
  stack = await startStack();
  chromium = await launchChromium();
  browser = chromium.context;
}, 60_000);
afterAll(async () => {
  await chromium?.close();
  await stack?.stop();
});

describe('/docs in Chromium', () => {
  it('renders every operation of the contract from local files, without errors', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    const offsite: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith(stack.url) && !r.url().startsWith('data:')) offsite.push(r.url());
    });

    const response = await page.goto(`${stack.url}/docs`);
    expect(response?.status()).toBe(200);
    // The page is served under a CSP (set by the security layer) that forbids inline scripts.
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);

    await page.locator('.swagger-ui .info .title').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('.opblock').count(), { timeout: 10_000 }).toBe(13);
    expect(await page.locator('.swagger-ui .info .title').textContent()).toContain(
      'cvat-clearml proxy',
    );
    expect(await page.locator('.opblock-summary-path').allTextContents()).toEqual(
      expect.arrayContaining(['/projects/{project_name}/tasks/create', '/models/frameworks']),
    );

    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'docs.png'), fullPage: false });
    expect(problems).toEqual([]);
    expect(offsite).toEqual([]);
    await page.close();
  }, 60_000);
});
