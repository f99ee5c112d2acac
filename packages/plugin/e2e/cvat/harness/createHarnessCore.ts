// A cvat-core stand-in with the calls the plugin contract names: users.get, tasks.get({id})
// returning [task] with labels, projects.get, server.request.

export interface HarnessTask {
  id: number;
  name: string;
  projectId: number | null;
  labels: { id: number; name: string; color: string; type: string }[];
}

export interface HarnessProject {
  id: number;
  name: string;
}

export interface HarnessData {
  user: { id: number; username: string; email: string; groups: string[]; isSuperuser: boolean };
  projects: HarnessProject[];
  tasks: HarnessTask[];
}

export function createHarnessCore(data: HarnessData) {
  return {
    users: {
      get: async (filter: { self?: boolean }) => (filter.self ? [data.user] : []),
    },
    tasks: {
      get: async (filter: { id?: number }) =>
        data.tasks.filter((t) => filter.id === undefined || t.id === filter.id),
    },
    projects: {
      get: async (filter: { id?: number }) =>
        data.projects.filter((p) => filter.id === undefined || p.id === filter.id),
    },
    server: {
      request: async (url: string, config: { method?: string } = {}) => {
        const response = await fetch(url, {
          method: config.method ?? 'GET',
          credentials: 'same-origin',
        });
        return { status: response.status, data: await response.json() };
      },
    },
  };
}

export type HarnessCore = ReturnType<typeof createHarnessCore>;
