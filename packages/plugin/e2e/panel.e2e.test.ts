// Acceptance 2 (issue 4): the standalone panel in real Chromium against the real proxy and the
// ClearML emulator, each its own process, wired like `pnpm start`. Screenshots go to
// e2e/screenshots/ (git-ignored).
import { mkdirSync } from 'node:fs';
import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Chromium } from './support/launchChromium';
import { buildPanel, removeDir, startStack, type Stack } from './support/startStack';

const screenshots = new URL('./screenshots/', import.meta.url).pathname;
mkdirSync(screenshots, { recursive: true });

let uiDir: string;
let stack: Stack;
let chromium: Chromium;
let page: Page;
const pageErrors: string[] = [];

const ui = (path = '') => `${stack.proxyUrl}/ui/${path}`;
/** antd's slide-ins are fast-forwarded, so the picture shows the settled page. */
async function shot(name: string) {
  await page.screenshot({ path: `${screenshots}${name}.png`, animations: 'disabled' });
}
const rows = () =>
  page.locator('.ant-table-tbody tr.ant-table-row, .ant-table-tbody-virtual .ant-table-row');

beforeAll(async () => {
  ({ dir: uiDir } = await buildPanel());
  stack = await startStack(uiDir);
  chromium = await launchChromium();
  page = await chromium.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await chromium?.close();
  await stack?.stop();
  if (uiDir) removeDir(uiDir);
});

describe('the standalone panel at /ui', () => {
  it('opens a nested project from the project tree', async () => {
    // A clean first load logs nothing: no failed request (a /favicon.ico 404 did), no warning.
    const logged: string[] = [];
    const onConsole = (m: ConsoleMessage) => {
      if (m.type() === 'error' || m.type() === 'warning') logged.push(m.text());
    };
    page.on('console', onConsole);
    await page.goto(ui());
    const tree = page.getByRole('navigation', { name: 'Projects' });
    await tree.getByRole('link', { name: 'Vision', exact: true }).waitFor();
    await page.waitForLoadState('networkidle');
    page.off('console', onConsole);
    expect(logged).toEqual([]);
    await shot('projects');
    // Expand Vision, then open its child Detection.
    await tree
      .locator('.ant-tree-treenode', { hasText: 'Vision' })
      .first()
      .locator('.ant-tree-switcher')
      .click();
    await tree.getByRole('link', { name: 'Detection', exact: true }).click();
    await page.waitForURL(/\/ui\/projects\/Vision%2FDetection\/tasks$/);
    await rows().first().waitFor();
    expect(await rows().count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Vision/Detection' }).count())
      .toBe(1);
    await shot('tasks');
    // In the narrow tree beside a list, a name with many status counts stays on one line and the
    // counts wrap below it.
    const big = tree.locator('.ant-tree-treenode', { hasText: 'Big Project' }).first();
    await big.getByRole('list', { name: 'Tasks by status' }).waitFor();
    const name = await big.getByRole('link', { name: 'Big Project', exact: true }).boundingBox();
    const oneLine = await tree.getByRole('link', { name: 'NLP', exact: true }).boundingBox();
    expect(name!.height).toBe(oneLine!.height);
  });

  it('filters tasks by two statuses, in the request and the URL', async () => {
    await page.goto(ui('projects/Vision%2FDetection/tasks'));
    await rows().first().waitFor();
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.locator('.ant-select-item-option[title="Completed"]').click();
    await expect
      .poll(() => new URL(page.url()).searchParams.getAll('status'))
      .toEqual(['completed']);
    await page.locator('.ant-select-item-option[title="Failed"]').click();
    await page.keyboard.press('Escape');
    await expect
      .poll(() => new URL(page.url()).searchParams.getAll('status'))
      .toEqual(['completed', 'failed']);
    await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
    const statuses = await page.locator('.ant-table-row .clearml-task-status').allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(
      new Set(statuses.filter((s) => s === 'Completed' || s === 'Failed')),
    );
    await shot('tasks-filtered');
  });

  it('opens a task’s details with Open in ClearML and the copyable id', async () => {
    await page.goto(ui('projects/Vision%2FDetection/tasks'));
    const first = page.locator('.ant-table-row a').first();
    const name = (await first.textContent()) ?? '';
    await first.click();
    const details = page.getByRole('article', { name: `Task ${name}` });
    await details.waitFor();
    await expect.poll(() => details.getByRole('button', { name: 'Copy id' }).count()).toBe(1);
    await details.getByRole('tab', { name: 'Hyperparameters' }).click();
    await shot('task-details');
    expect(page.url()).toMatch(/\/tasks\/[^/?]+$/);
  });

  it('creates a task, shows its details and finds it in the list', async () => {
    const name = `e2e task ${Date.now()}`;
    await page.goto(ui('projects/Vision%2FDetection/tasks'));
    await rows().first().waitFor();
    await page.getByRole('button', { name: 'Create task' }).first().click();
    const form = page.getByRole('form', { name: 'Create a ClearML task' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Description').fill('made by the browser test');
    await form.getByLabel('Branch').fill('main');
    await shot('create-task');
    await form.getByRole('button', { name: 'Create task' }).click();
    await page.getByRole('article', { name: `Task ${name}` }).waitFor({ timeout: 20_000 });
    await page.goto(ui(`projects/Vision%2FDetection/tasks?search=${encodeURIComponent(name)}`));
    await page.locator('.ant-table-row a', { hasText: name }).waitFor({ timeout: 20_000 });
    expect(await rows().count()).toBe(1);
    expect(await page.locator('.ant-table-row .clearml-task-status').first().textContent()).toBe(
      'Draft',
    );
  });

  it('shows the models table and a model’s details', async () => {
    await page.goto(ui('models'));
    const first = page.locator('.ant-table-row button').first();
    await first.waitFor();
    await shot('models');
    await first.click();
    await page.getByRole('article').filter({ hasText: 'URI' }).waitFor();
    await shot('model-details');
  });

  it('sorts models by a column on the server, and the URL reproduces the sorted view', async () => {
    await page.goto(ui('models'));
    const names = () => page.locator('.ant-table-row button').allTextContents();
    await rows().first().waitFor();
    await page.locator('.ant-table-thead th', { hasText: 'Name' }).click();
    await page.waitForURL(/\/ui\/models\?sort=name$/);
    const byName = (list: string[]) => [...list].sort((a, b) => a.localeCompare(b));
    await expect
      .poll(async () => {
        const now = await names();
        return now.length > 1 && now.join('|') === byName(now).join('|');
      })
      .toBe(true);
    const ascending = await names();
    await page.locator('.ant-table-thead th', { hasText: 'Name' }).click();
    await page.waitForURL(/\/ui\/models\?sort=-name$/);
    await expect
      .poll(async () => (await names()).join('|'))
      .toBe([...ascending].reverse().join('|'));
    await shot('models-sorted');
    // A copied link opens the same view.
    await page.goto(ui('models?sort=name'));
    await expect.poll(async () => (await names()).join('|')).toBe(ascending.join('|'));
    expect(pageErrors).toEqual([]);
  });

  it('when ClearML is unreachable, then the panel says so, and it recovers when ClearML is back', async () => {
    await stack.setUnreachable(true);
    try {
      // A project not opened before, so no cached answer can hide the outage.
      await page.goto(ui('projects/cats/tasks'));
      await page.getByText('ClearML is unavailable').first().waitFor({ timeout: 30_000 });
      expect(await page.locator('.ant-table-row').count()).toBe(0);
      await shot('clearml-unavailable');
    } finally {
      await stack.setUnreachable(false);
    }
    // Retry until the proxy's breaker lets calls through again (bounded).
    await expect
      .poll(
        async () => {
          // The project tree and the task list each offer their own Retry.
          for (const retry of await page.getByRole('button', { name: 'Retry' }).all()) {
            if (await retry.isVisible()) await retry.click();
          }
          return rows().count();
        },
        { timeout: 45_000, interval: 1_000 },
      )
      .toBeGreaterThan(0);
    await shot('recovered');
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
