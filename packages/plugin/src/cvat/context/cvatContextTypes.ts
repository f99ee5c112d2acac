import type { CvatContext } from '../../panel';

/** Opened from a CVAT project's menu: no task, only the project (ours, not the panel's). */
export interface CvatPanelContext extends CvatContext {
  project?: { id: number; name: string | null };
}

export type CvatLabel = NonNullable<CvatContext['task']>['labels'][number];

/** Where a side panel was opened from: what the menu item knew at click time. */
export type PanelTarget =
  | { kind: 'job'; jobId: number; taskId: number; projectId: number | null }
  | { kind: 'task'; taskId: number }
  | { kind: 'project'; projectId: number; projectName: string | null }
  | { kind: 'models' };
