// Acceptance 2 (issue 5): the built plugin folder inside a page that reproduces CVAT v2.73's
// plugin contract, in real Chromium, against the real proxy and the ClearML emulator
// (separate processes), reached same-origin at /clearml-api like behind CVAT's Traefik.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildHarness } from './support/buildHarness';
import { harnessPage } from './support/harnessPage';
import { launchChromium, type Chromium } from '../support/launchChromium';
import { startStack, type Stack } from '../support/startStack';
import { startHarnessServer, type HarnessServer } from './support/startHarnessServer';

const screenshots = new URL('./screenshots/', import.meta.url).pathname;
const outDir = mkdtempSync(join(tmpdir(), 'clearml-cvat-harness-'));
const isPanelChunk = (path: string) => /panelChunk/.test(path);

let services: Stack;
let server: HarnessServer;
let browser: Chromium;
let context: BrowserContext;
let page: Page;
let h: ReturnType<typeof harnessPage>;
const warnings: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  await buildHarness(outDir);
  services = await startStack();
  server = await startHarnessServer(outDir, services.proxyUrl);
  browser = await launchChromium();
  context = browser.context;
  page = context.pages()[0] ?? (await context.newPage());
  h = harnessPage(page);
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // A 404 for a CVAT project ClearML does not have is expected (the mapping falls back);
  // the browser logs each failed response, so those are not errors of the page.
  page.on(
    'console',
    (m) =>
      m.type() === 'error' &&
      !m.text().startsWith('Failed to load resource') &&
      pageErrors.push(m.text()),
  );
  await page.goto(`${server.url}/tasks`);
  await page
    .getByText('#7 Bird calls 2026')
    .waitFor({ timeout: 20_000 })
    .catch((error: unknown) => {
      throw new Error(`the harness did not render: ${pageErrors.join('\n')}`, { cause: error });
    });
}, 300_000);

/**
 * CVAT's top bar button and canvas take real clicks while the panel stays open (Playwright's click
 * waits until nothing covers the point, so a mask makes it time out).
 */
async function canvasTakesClicks() {
  await page.locator('.cvat-annotation-save').click({ timeout: 5_000 });
  await page.locator('.cvat-canvas').click({ position: { x: 60, y: 60 }, timeout: 5_000 });
  await expect(h.drawer().isVisible()).resolves.toBe(true);
}

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    await page?.screenshot({ path: join(screenshots, `failed-${ctx.task.name.slice(0, 40)}.png`) });
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await services?.stop();
  rmSync(outDir, { recursive: true, force: true });
});

describe('the ClearML plugin in the CVAT v2.73 host harness', () => {
  it('registers after plugins.ready; an unknown slot is warned about once and the others work', async () => {
    await page.waitForFunction(() => {
      const harness = (
        window as unknown as {
          __cvatHarness: { store: { getState(): { plugins: { list: { name: string }[] } } } };
        }
      ).__cvatHarness;
      return harness.store.getState().plugins.list.some((p) => p.name === 'ClearML');
    });
    const unknown = warnings.filter((w) => w.includes('taskPage.details.topBar.extras'));
    expect(unknown).toHaveLength(1);
    // The harness's reducer really rejects a path v2.73 does not have.
    const thrown = await page.evaluate(() => {
      const { store } = (
        window as unknown as { __cvatHarness: { store: { dispatch(a: unknown): void } } }
      ).__cvatHarness;
      try {
        store.dispatch({
          type: 'ADD_UI_COMPONENT',
          payload: { path: 'annotationPage.header.extras', component: () => null },
        });
        return null;
      } catch (error) {
        return (error as Error).message;
      }
    });
    expect(thrown).toBe('The specified plugins path is not supported by the core application');
  });

  it('adds ClearML to the user menu, task actions and project actions, before the panel loads', async () => {
    let menu = await h.openMenu('.cvat-header-menu-user-dropdown');
    await menu.getByRole('menuitem', { name: 'ClearML' }).waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(screenshots, 'cvat-user-menu.png') });
    await h.closeMenus();

    menu = await h.openMenu('.cvat-task-actions-7');
    await menu.getByRole('menuitem', { name: 'ClearML' }).waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(screenshots, 'cvat-task-actions.png') });
    await h.closeMenus();

    await h.header().getByRole('link', { name: 'Projects' }).click();
    menu = await h.openMenu('.cvat-project-actions-3');
    await menu.getByRole('menuitem', { name: 'ClearML' }).waitFor({ timeout: 10_000 });
    await h.closeMenus();

    expect(server.requests.filter(isPanelChunk)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('renders ClearML projects from the proxy at /clearml (user menu → ClearML), loading the panel then', async () => {
    await h.clickClearmlIn('.cvat-header-menu-user-dropdown');
    await page.waitForURL(`${server.url}/clearml`);
    await page.getByText('Vision', { exact: true }).first().waitFor({ timeout: 30_000 });
    await expect(page.getByText('NLP', { exact: true }).first().isVisible()).resolves.toBe(true);
    expect(server.requests.filter(isPanelChunk)).toHaveLength(1);
    expect(server.requests).toContain('/clearml-api/projects');
    await h.settled();
    await page.screenshot({ path: join(screenshots, 'cvat-clearml-page.png') });
  });

  it('opens the side panel from the job menu in the job context: mapped project, CVAT task, usable canvas', async () => {
    await h.header().getByRole('link', { name: 'Tasks' }).click();
    await page.getByRole('link', { name: 'Job #11' }).click();
    await page.locator('.cvat-canvas').waitFor();
    await h.clickClearmlIn('.cvat-annotation-header-menu-button');
    const panel = h.drawer();
    await panel.getByText('ClearML · Bird calls 2026').waitFor({ timeout: 20_000 });
    // CVAT project "Audio" maps to the ClearML project of the same name.
    await panel.getByText('CVAT task #7 “Bird calls 2026”').waitFor({ timeout: 20_000 });
    await panel.getByRole('heading', { name: 'Audio' }).waitFor();
    await panel.getByRole('button', { name: 'Create a ClearML task for this CVAT task' }).waitFor();
    // No mask: CVAT's top bar and canvas still take clicks beside the drawer.
    await canvasTakesClicks();
    expect(pageErrors).toEqual([]);
    await h.settled();
    await page.screenshot({ path: join(screenshots, 'cvat-side-panel-job.png') });
  });

  it('creates a ClearML task for the CVAT task, prefilled, and then lists it as linked', async () => {
    // CVAT's csrftoken cookie: unsafe calls must echo it in X-CSRFToken (AUTH_MODE=cvat checks it).
    await context.addCookies([{ name: 'csrftoken', value: 'fake-csrf-token', url: server.url }]);
    const panel = h.drawer();
    await panel.getByRole('button', { name: 'Create a ClearML task for this CVAT task' }).click();
    // The form opens inside the side panel, not as a window-wide drawer with a mask over CVAT.
    const form = panel.getByRole('form', { name: 'Create a ClearML task' });
    const name = form.getByLabel('Name');
    await name.waitFor();
    await expect(name.inputValue()).resolves.toBe('Bird calls 2026');
    await expect(page.locator('.ant-drawer-mask').count()).resolves.toBe(0);
    await canvasTakesClicks();
    await h.settled();
    await page.screenshot({ path: join(screenshots, 'cvat-side-panel-create.png') });
    const taskName = `Bird calls 2026 detector ${Date.now()}`;
    await name.fill(taskName);
    await form.getByRole('button', { name: 'Create task' }).click();

    // On success the new task's details open, with the link back to CVAT.
    await panel.getByRole('heading', { name: taskName }).waitFor({ timeout: 30_000 });
    await panel.getByText('CVAT task #7, job #11').waitFor();
    await panel.getByText('cvat-task:7').waitFor();
    await canvasTakesClicks();
    await h.settled();
    await page.screenshot({ path: join(screenshots, 'cvat-side-panel-created.png') });
    await panel.getByText('Back to tasks').click();
    const linked = panel.getByRole('region', { name: 'ClearML tasks linked to CVAT task 7' });
    await linked.getByText(taskName).waitFor({ timeout: 30_000 });
    // The proxy stored the link: it finds the task by the CVAT task id.
    const answer = await fetch(`${services.proxyUrl}/projects/Audio/tasks?cvat_task_id=7`);
    const body = (await answer.json()) as { items: { name: string; tags: string[] }[] };
    const created = body.items.find((t) => t.name === taskName);
    expect(created?.tags).toContain('cvat');
    const create = server.apiCalls.find((c) => c.method === 'POST');
    expect(create?.path).toBe('/projects/Audio/tasks/create');
    expect(create?.headers['x-csrftoken']).toBe('fake-csrf-token');
    expect(create?.headers.cookie).toContain('csrftoken=fake-csrf-token');
    expect(
      server.apiCalls.filter((c) => c.method === 'GET').every((c) => !c.headers['x-csrftoken']),
    ).toBe(true);
    await h.settled();
    await page.screenshot({ path: join(screenshots, 'cvat-side-panel-linked.png') });
  });

  it('resizes the side panel by its handle within 360 px and 90% of the window, and remembers it', async () => {
    const handle = page.getByRole('separator', { name: 'Resize the ClearML panel' });
    const widthNow = async () => (await h.drawer().boundingBox())?.width ?? 0;
    const dragTo = async (x: number) => {
      const box = await handle.boundingBox();
      if (!box) throw new Error('no resize handle');
      await page.mouse.move(box.x + box.width / 2, box.y + 200);
      await page.mouse.down();
      await page.mouse.move(x, box.y + 220, { steps: 5 });
      await page.mouse.up();
    };
    await dragTo(1440 - 700);
    await expect.poll(widthNow).toBeCloseTo(700, -1);
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('clearml.sidePanel.width')))
      .toBe('700');
    await dragTo(1400);
    await expect.poll(widthNow).toBeCloseTo(360, -1);
    await dragTo(10);
    await expect.poll(widthNow).toBeCloseTo(1440 * 0.9, -1);
    await dragTo(1440 - 640);
    await expect.poll(widthNow).toBeCloseTo(640, -1);
  });

  it('closes the side panel opened for a job when the user leaves the annotation page', async () => {
    await h.header().getByRole('link', { name: 'Tasks' }).click();
    await expect.poll(() => h.drawer().isVisible()).toBe(false);
  });

  it('opens the panel from a task’s actions; without a mapped ClearML project it says so', async () => {
    await h.clickClearmlIn('.cvat-task-actions-8');
    const panel = h.drawer();
    await panel.getByText('ClearML · Crossings').waitFor({ timeout: 20_000 });
    await panel.getByText('No ClearML project for this CVAT task').waitFor({ timeout: 20_000 });
    // The remembered width is used again.
    await expect.poll(async () => (await panel.boundingBox())?.width ?? 0).toBeCloseTo(640, -1);
    await h.settled();
    await page.screenshot({ path: join(screenshots, 'cvat-side-panel-task-unmapped.png') });
  });

  it('opens the panel from a project’s actions in the mapped ClearML project', async () => {
    // The drawer (opened from the task list) covers the right edge, where the actions are.
    await h.drawer().getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => h.drawer().isVisible()).toBe(false);
    await h.header().getByRole('link', { name: 'Projects' }).click();
    await h.clickClearmlIn('.cvat-project-actions-3');
    const panel = h.drawer();
    await panel.getByText('ClearML · Audio').waitFor({ timeout: 20_000 });
    await panel.getByRole('heading', { name: 'Audio' }).waitFor({ timeout: 20_000 });
    await h.settled();
    await page.screenshot({ path: join(screenshots, 'cvat-side-panel-project.png') });
  });

  it('lists ClearML models from the Models page’s top bar button', async () => {
    await h.header().getByRole('link', { name: 'Models' }).click();
    await page.getByRole('button', { name: 'ClearML models' }).click();
    const panel = h.drawer();
    await panel.getByText('ClearML models').first().waitFor({ timeout: 20_000 });
    await panel.locator('.ant-table-row').first().waitFor({ timeout: 20_000 });
    expect(pageErrors).toEqual([]);
    // Page and side panel share the one lazily loaded chunk: fetched once in the whole session.
    expect(server.requests.filter(isPanelChunk)).toHaveLength(1);
    await h.settled();
    await page.screenshot({ path: join(screenshots, 'cvat-models-drawer.png') });
  });
});
