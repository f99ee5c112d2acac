// Small fixture builders: each returns a valid object of the generated type; tests override
// only what they are about.
import type {
  Model,
  ModelDetails,
  Problem,
  Project,
  Session,
  TaskDetails,
  TaskSummary,
} from '../api/types';

let sequence = 0;
const nextId = (prefix: string) => `${prefix}${(++sequence).toString(16).padStart(8, '0')}`;

export function makeSession(overrides: Partial<Session> = {}): Session {
  return {
    user: { id: 1, username: 'alice', groups: ['user'], is_superuser: false },
    auth_mode: 'none',
    can_create: true,
    read_only: false,
    mode: 'demo',
    web_ui: true,
    project_mapping: { rule: 'same-name', default_project: 'CVAT' },
    ...overrides,
  };
}

export function makeProject(name: string, overrides: Partial<Project> = {}): Project {
  const parts = name.split('/');
  return {
    id: nextId('p'),
    name,
    basename: parts[parts.length - 1] ?? name,
    parent_name: parts.length > 1 ? parts.slice(0, -1).join('/') : null,
    description: null,
    tags: [],
    created: '2026-01-01T00:00:00.000Z',
    last_update: '2026-11-01T00:00:00.000Z',
    has_children: false,
    stats: null,
    web_url: null,
    ...overrides,
  };
}

export function makeTask(overrides: Partial<TaskSummary> = {}): TaskSummary {
  const id = overrides.id ?? nextId('t');
  return {
    id,
    name: `task ${id}`,
    project_id: 'p1',
    project_name: 'Vision',
    status: 'completed',
    type: 'training',
    user: { id: 'u1', name: 'Alice' },
    created: '2026-11-01T08:00:00.000Z',
    started: '2026-11-01T08:01:00.000Z',
    last_update: '2026-11-01T09:00:00.000Z',
    last_iteration: 100,
    tags: [],
    archived: false,
    web_url: `http://clearml.test/projects/p1/experiments/${id}`,
    ...overrides,
  };
}

export function makeTaskDetails(overrides: Partial<TaskDetails> = {}): TaskDetails {
  return {
    ...makeTask(overrides),
    comment: null,
    status_message: null,
    completed: null,
    parent_id: null,
    hyperparameters: {},
    configuration: {},
    script: null,
    container: null,
    models: { input: [], output: [] },
    last_metrics: [],
    cvat_link: null,
    ...overrides,
  } as TaskDetails;
}

export function makeModel(overrides: Partial<Model> = {}): Model {
  const id = overrides.id ?? nextId('m');
  return {
    id,
    name: `model ${id}`,
    framework: 'PyTorch',
    published: false,
    project_id: 'p1',
    project_name: 'Vision',
    task_id: 't1',
    task_name: 'train',
    user: { id: 'u1', name: 'Alice' },
    created: '2026-11-01T08:00:00.000Z',
    last_update: '2026-11-01T09:00:00.000Z',
    tags: [],
    uri: `s3://models/${id}.pt`,
    labels: {},
    archived: false,
    web_url: null,
    ...overrides,
  };
}

export function makeModelDetails(overrides: Partial<ModelDetails> = {}): ModelDetails {
  return {
    ...makeModel(overrides),
    comment: null,
    design: null,
    metadata: {},
    last_iteration: null,
    parent_id: null,
    ...overrides,
  } as ModelDetails;
}

export function pageOf<T>(
  items: T[],
  overrides: { page?: number; page_size?: number; has_more?: boolean } = {},
) {
  return { items, page: 1, page_size: 50, has_more: false, ...overrides };
}

const PROBLEM = 'urn:cvat-clearml:problem:';

export function makeProblem(
  code: string,
  status: number,
  overrides: Partial<Problem> = {},
): Problem {
  return {
    type: `${PROBLEM}${code}`,
    title: code,
    status,
    detail: `${code} happened`,
    ...overrides,
  };
}
