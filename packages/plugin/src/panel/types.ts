/** What a host (CVAT) tells the panel about where it is opened. Everything is optional. */
export interface CvatContext {
  user?: { id: number; username: string; groups: string[] };
  org?: string | null;
  task?: {
    id: number;
    name: string;
    projectId: number | null;
    projectName: string | null;
    labels: { name: string; color?: string; type?: string }[];
  };
  jobId?: number | null;
  /** CVAT's own origin, for links back into CVAT (e.g. `https://cvat.example.com`). */
  cvatUrl?: string;
}

export type PanelLayout = 'page' | 'side';
