import type { ReactNode } from 'react';

type MenuSlot = (args: { key?: string; targetProps: unknown }) => { key: string; label: ReactNode };

/** CVAT's menus call each plugin's slot function and splice the result in among their own. */
export function pluginMenuItems(
  plugins: { component: unknown }[],
  targetProps: unknown,
  prefix: string,
) {
  return plugins.map(({ component }, index) =>
    (component as MenuSlot)({ key: `${prefix}-plugin-${index}`, targetProps }),
  );
}
