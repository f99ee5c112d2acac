import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// Menus still open or closing, and drawers still sliding (antd's motion classes).
const UNSETTLED =
  '.ant-dropdown:not(.ant-dropdown-hidden), .ant-drawer [class*="-motion-"]:not(.ant-wave), .ant-slide-up-leave';

/** How the browser tests drive the harness page: CVAT's menus, header and the side panel. */
export function harnessPage(page: Page) {
  const openMenu = async (trigger: string) => {
    await page.locator(trigger).click();
    const menu = page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').last();
    await menu.waitFor({ timeout: 10_000 });
    return menu;
  };
  return {
    openMenu,
    async closeMenus() {
      await page.keyboard.press('Escape');
      await page
        .locator('.ant-dropdown:not(.ant-dropdown-hidden)')
        .waitFor({ state: 'detached', timeout: 10_000 })
        .catch(() => undefined);
    },
    async clickClearmlIn(trigger: string) {
      const menu = await openMenu(trigger);
      await menu.getByRole('menuitem', { name: 'ClearML' }).click();
    },
    header: () => page.locator('.cvat-header'),
    drawer: () => page.locator('.clearml-side-panel .ant-drawer-content-wrapper'),
    /** Before a screenshot: menus closed and the drawer done sliding in. */
    async settled() {
      const count = () => page.evaluate((s) => document.querySelectorAll(s).length, UNSETTLED);
      await expect.poll(count, { timeout: 10_000 }).toBe(0);
    },
  };
}
