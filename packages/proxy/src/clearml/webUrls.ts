// Every link into ClearML's web UI is built here, so a change of its routes is one edit.
export interface WebUrls {
  task(projectId: string | null, taskId: string): string | null;
  project(projectId: string): string | null;
  model(projectId: string | null, modelId: string): string | null;
}

export function createWebUrls(webHost: string | undefined): WebUrls {
  const base = webHost?.replace(/\/+$/, '');
  const seg = encodeURIComponent;
  if (!base) return { task: () => null, project: () => null, model: () => null };
  return {
    task: (projectId, taskId) =>
      `${base}/projects/${projectId ? seg(projectId) : '*'}/experiments/${seg(taskId)}/output/log`,
    project: (projectId) => `${base}/projects/${seg(projectId)}/experiments`,
    model: (projectId, modelId) =>
      `${base}/projects/${projectId ? seg(projectId) : '*'}/models/${seg(modelId)}`,
  };
}
