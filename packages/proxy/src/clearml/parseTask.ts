import type { TaskDetails, TaskSummary } from './types.js';
import { asObject, int, isArchived, num, ref, str, strings, timestamp } from './parseValues.js';
import type { WebUrls } from './webUrls.js';

/** What a task list asks ClearML for (tasks.get_all_ex projection): nothing more. */
export const TASK_LIST_FIELDS = [
  'id',
  'name',
  'project.name',
  'status',
  'type',
  'user.name',
  'created',
  'started',
  'last_update',
  'last_iteration',
  'tags',
  'system_tags',
];

/** Details add the heavy parts (tasks.get_all_ex projection, so references come joined). */
export const TASK_DETAIL_FIELDS = [
  ...TASK_LIST_FIELDS,
  'comment',
  'status_message',
  'completed',
  'parent',
  'hyperparams',
  'configuration',
  'script.repository',
  'script.branch',
  'script.version_num',
  'script.entry_point',
  'script.working_dir',
  'script.requirements',
  'container',
  'models.input.name',
  'models.input.model.name',
  'models.output.name',
  'models.output.model.name',
  'last_metrics',
];

export function parseTaskSummary(raw: unknown, urls: WebUrls): TaskSummary {
  const t = asObject(raw) ?? {};
  const id = str(t.id) ?? '';
  const project = ref(t.project);
  const user = ref(t.user);
  return {
    id,
    name: str(t.name) ?? '',
    project_id: project?.id ?? null,
    project_name: project?.name ?? null,
    status: (str(t.status) ?? 'unknown') as TaskSummary['status'],
    type: str(t.type) ?? 'custom',
    user: user ? { id: user.id, name: user.name } : null,
    created: timestamp(t.created),
    started: timestamp(t.started),
    last_update: timestamp(t.last_update),
    last_iteration: int(t.last_iteration),
    tags: strings(t.tags),
    archived: isArchived(t.system_tags),
    web_url: id ? urls.task(project?.id ?? null, id) : null,
  };
}

export function parseTaskDetails(raw: unknown, urls: WebUrls): TaskDetails {
  const t = asObject(raw) ?? {};
  const hyperparameters = parseHyperparams(t.hyperparams);
  return {
    ...parseTaskSummary(t, urls),
    comment: str(t.comment),
    status_message: str(t.status_message),
    completed: timestamp(t.completed),
    parent_id: ref(t.parent)?.id ?? null,
    hyperparameters,
    configuration: parseConfiguration(t.configuration),
    script: parseScript(t.script),
    container: parseContainer(t.container),
    models: parseModels(t.models),
    last_metrics: parseLastMetrics(t.last_metrics),
    cvat_link: parseCvatLink(hyperparameters.CVAT),
  };
}

type Param = { value: string; type: string | null; description: string | null };

function parseHyperparams(v: unknown): Record<string, Record<string, Param>> {
  const out: Record<string, Record<string, Param>> = {};
  for (const [section, params] of Object.entries(asObject(v) ?? {})) {
    const parsed: Record<string, Param> = {};
    for (const [name, item] of Object.entries(asObject(params) ?? {})) {
      const p = asObject(item);
      if (!p) continue;
      parsed[name] = { value: text(p.value), type: str(p.type), description: str(p.description) };
    }
    out[section] = parsed;
  }
  return out;
}

function parseConfiguration(v: unknown): Record<string, Param> {
  const out: Record<string, Param> = {};
  for (const [name, item] of Object.entries(asObject(v) ?? {})) {
    const p = asObject(item);
    if (p) out[name] = { value: text(p.value), type: str(p.type), description: str(p.description) };
  }
  return out;
}

/** ClearML keeps values as text, but older data may hold numbers or booleans. */
function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function parseScript(v: unknown): TaskDetails['script'] {
  const s = asObject(v);
  if (!s) return null;
  const req = s.requirements;
  const reqObj = asObject(req);
  return {
    repository: str(s.repository),
    branch: str(s.branch),
    version_num: str(s.version_num),
    entry_point: str(s.entry_point),
    working_dir: str(s.working_dir),
    // The schema keeps requirements by installer ({pip: "…"}); the contract wants pip's text.
    requirements: typeof req === 'string' ? req : reqObj ? str(reqObj.pip) : null,
  };
}

function parseContainer(v: unknown): TaskDetails['container'] {
  const c = asObject(v);
  if (!c) return null;
  return {
    image: str(c.image),
    arguments: str(c.arguments),
    setup_shell_script: str(c.setup_shell_script),
  };
}

function parseModels(v: unknown): TaskDetails['models'] {
  const m = asObject(v) ?? {};
  const list = (x: unknown) =>
    (Array.isArray(x) ? x : []).flatMap((item) => {
      const o = asObject(item);
      const model = o && ref(o.model);
      if (!o || !model) return [];
      return [{ name: str(o.name) ?? '', model_id: model.id, model_name: model.name }];
    });
  return { input: list(m.input), output: list(m.output) };
}

/** `{metric_hash: {variant_hash: {metric, variant, value, min_value, max_value}}}` → a flat list. */
function parseLastMetrics(v: unknown): TaskDetails['last_metrics'] {
  const out: TaskDetails['last_metrics'] = [];
  for (const variants of Object.values(asObject(v) ?? {})) {
    for (const event of Object.values(asObject(variants) ?? {})) {
      const e = asObject(event);
      if (!e) continue;
      out.push({
        metric: str(e.metric) ?? '',
        variant: str(e.variant) ?? '',
        value: num(e.value),
        min_value: num(e.min_value),
        max_value: num(e.max_value),
      });
    }
  }
  return out.sort((a, b) => a.metric.localeCompare(b.metric) || a.variant.localeCompare(b.variant));
}

/** The `CVAT` hyperparameter section createTask writes (task_id, job_id, project_id, url). */
function parseCvatLink(section: Record<string, Param> | undefined): TaskDetails['cvat_link'] {
  if (!section) return null;
  const id = (name: string) => {
    const n = Number(section[name]?.value);
    return Number.isInteger(n) && n >= 1 ? n : null;
  };
  const taskId = id('task_id');
  if (taskId === null) return null;
  const url = section.url?.value;
  return {
    task_id: taskId,
    job_id: id('job_id'),
    project_id: id('project_id'),
    url: url ? url : null,
  };
}
