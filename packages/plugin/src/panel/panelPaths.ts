/** Paths inside the panel, relative to wherever the host mounted it. */
export function panelPaths(base: string) {
  const root = base.replace(/\/$/, '');
  return {
    root: root || '/',
    models: `${root}/models`,
    tasksRoute: `${root}/projects/:project/tasks/:taskId?`,
    projectTasks: (project: string) => `${root}/projects/${encodeURIComponent(project)}/tasks`,
  };
}

/** A `:project` route parameter back to the project's full path. */
export function decodeProjectParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value; // history already decoded it (a literal "%" in the name)
  }
}
