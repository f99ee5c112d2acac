// The context the panel is opened in. Mirrors the panel's `CvatContext` (src/panel/types.ts)
// structurally, until that module lands; the compiler checks the two agree where they meet.
export type CvatLabel = { name: string; color?: string; type?: string };

export interface CvatContextShape {
  user?: { id: number; username: string; groups: string[] };
  org?: string | null;
  task?: {
    id: number;
    name: string;
    projectId: number | null;
    projectName: string | null;
    labels: CvatLabel[];
  };
  jobId?: number | null;
  cvatUrl?: string;
}

/** Opened from a CVAT project's menu: no task, only the project (ours, not the panel's). */
export interface CvatPanelContext extends CvatContextShape {
  project?: { id: number; name: string | null };
}

/** Where a side panel was opened from: what the menu item knew at click time. */
export type PanelTarget =
  | { kind: 'job'; jobId: number; taskId: number; projectId: number | null }
  | { kind: 'task'; taskId: number }
  | { kind: 'project'; projectId: number; projectName: string | null }
  | { kind: 'models' };
