import type { CvatLink, TaskCreate, TaskType } from '../../api/types';

export interface HyperparameterSection {
  section: string;
  params?: { key: string; value?: string }[];
}

/** What the create form edits; configuration and the CVAT link ride along unedited. */
export interface TaskFormValues {
  name: string;
  type: TaskType;
  comment?: string;
  tags?: string[];
  hyperparameters?: HyperparameterSection[];
  script?: { repository?: string; branch?: string; entry_point?: string; working_dir?: string };
  container?: { image?: string };
  create_project?: boolean;
}

/** Prefill for the create form (the CVAT host passes a CVAT task's name, labels and link). */
export type CreateTaskInitialValues = Partial<TaskCreate>;

export function toFormValues(initial: CreateTaskInitialValues = {}): TaskFormValues {
  return {
    name: initial.name ?? '',
    type: initial.type ?? 'training',
    comment: initial.comment,
    tags: initial.tags ?? [],
    hyperparameters: Object.entries(initial.hyperparameters ?? {}).map(([section, params]) => ({
      section,
      params: Object.entries(params).map(([key, value]) => ({ key, value })),
    })),
    script: { ...initial.script },
    container: { image: initial.container?.image },
  };
}

function trimmed(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}

function compact<T extends object>(value: T): T | undefined {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return entries.length ? (Object.fromEntries(entries) as T) : undefined;
}

export function toTaskCreate(
  values: TaskFormValues,
  extras: { configuration?: TaskCreate['configuration']; cvat_link?: CvatLink } = {},
): TaskCreate {
  const hyperparameters: NonNullable<TaskCreate['hyperparameters']> = {};
  for (const { section, params } of values.hyperparameters ?? []) {
    const name = section.trim();
    const target = (hyperparameters[name] ??= {});
    for (const { key, value } of params ?? []) target[key.trim()] = value ?? '';
  }
  const body: TaskCreate = {
    name: values.name.trim(),
    type: values.type,
    comment: trimmed(values.comment),
    tags: values.tags?.length ? values.tags : undefined,
    hyperparameters: Object.keys(hyperparameters).length ? hyperparameters : undefined,
    configuration: extras.configuration,
    script: compact({
      repository: trimmed(values.script?.repository),
      branch: trimmed(values.script?.branch),
      entry_point: trimmed(values.script?.entry_point),
      working_dir: trimmed(values.script?.working_dir),
    }),
    container: compact({ image: trimmed(values.container?.image) }),
    cvat_link: extras.cvat_link,
    create_project: Boolean(values.create_project),
  };
  return compact(body) ?? body;
}

/** The form field a problem's `errors[].name` points at (`script.branch`, `/script/branch`). */
export function fieldPath(name: string): string[] {
  return name
    .replace(/^\/+/, '')
    .replace(/^body[./]/, '')
    .split(/[./]/)
    .filter(Boolean);
}

export const FORM_FIELDS = new Set([
  'name',
  'type',
  'comment',
  'tags',
  'script.repository',
  'script.branch',
  'script.entry_point',
  'script.working_dir',
  'container.image',
]);
