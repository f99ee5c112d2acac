// Reads the few fields of CVAT's Redux state the plugin needs. CVAT's state is not typed
// for plugins, so every step is checked: a missing branch yields null, never a throw.

export interface CvatUserState {
  id: number;
  username: string;
  groups: string[];
}

export interface CvatJobState {
  id: number;
  taskId: number;
  projectId: number | null;
}

export function readField(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function positiveInt(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}

export function readCvatUser(state: unknown): CvatUserState | null {
  const user = readField(readField(state, 'auth'), 'user');
  const id = positiveInt(readField(user, 'id'));
  const username = readField(user, 'username');
  if (id === null || typeof username !== 'string') return null;
  const groups = readField(user, 'groups');
  return {
    id,
    username,
    groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [],
  };
}

export function readCvatOrg(state: unknown): string | null {
  const slug = readField(readField(readField(state, 'organizations'), 'current'), 'slug');
  return typeof slug === 'string' && slug !== '' ? slug : null;
}

/** A job instance as CVAT hands it out (state or a menu's targetProps). */
export function readCvatJob(job: unknown): CvatJobState | null {
  const id = positiveInt(readField(job, 'id'));
  const taskId = positiveInt(readField(job, 'taskId'));
  if (id === null || taskId === null) return null;
  return { id, taskId, projectId: positiveInt(readField(job, 'projectId')) };
}

export function readCurrentJob(state: unknown): CvatJobState | null {
  return readCvatJob(readField(readField(readField(state, 'annotation'), 'job'), 'instance'));
}

export function readInstanceId(instance: unknown): number | null {
  return positiveInt(readField(instance, 'id'));
}

export function readInstanceName(instance: unknown): string | null {
  const name = readField(instance, 'name');
  return typeof name === 'string' ? name : null;
}

export function readInstanceProjectId(instance: unknown): number | null {
  return positiveInt(readField(instance, 'projectId'));
}
