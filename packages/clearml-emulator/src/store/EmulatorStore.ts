import { COMPANY_ID, type Model, type Project, type Task, type User } from './entities.js';

export interface StoreSnapshot {
  projects: Project[];
  tasks: Task[];
  models: Model[];
  users: User[];
}

export interface StoreCounts {
  projects: number;
  tasks: number;
  models: number;
}

export type NewProject = Partial<Project> & { name: string };
export type NewTask = Partial<Task> & { name: string; project: string };
export type NewModel = Partial<Model> & { name: string };

export interface StoreDeps {
  newId: () => string;
  now: () => Date;
  defaultUser: string;
}

const EMPTY: readonly never[] = Object.freeze([]);

/**
 * In-memory data with the indexes list calls need at 100,000 tasks: tasks and models by
 * project id, projects by name and by parent. `version` changes on every write so that
 * callers can cache derived orders.
 */
export class EmulatorStore {
  readonly projects = new Map<string, Project>();
  readonly tasks = new Map<string, Task>();
  readonly models = new Map<string, Model>();
  readonly users = new Map<string, User>();
  version = 0;

  private readonly projectsByName = new Map<string, Project>();
  private readonly childrenByParent = new Map<string, Project[]>();
  private readonly tasksByProject = new Map<string, Task[]>();
  private readonly modelsByProject = new Map<string, Model[]>();

  constructor(private readonly deps: StoreDeps) {}

  private idSource: (() => string) | undefined;

  newId(): string {
    return this.idSource ? this.idSource() : this.deps.newId();
  }

  /** Runs `fn` with ids drawn from `ids` (seeded data gets the same ids on every run). */
  withIds<T>(ids: () => string, fn: () => T): T {
    const previous = this.idSource;
    this.idSource = ids;
    try {
      return fn();
    } finally {
      this.idSource = previous;
    }
  }

  nowIso(): string {
    return this.deps.now().toISOString();
  }

  addUser(user: User): User {
    this.users.set(user.id, user);
    return user;
  }

  /** Adds a project by full name, creating missing parents as the real server does. */
  addProject(input: NewProject): Project {
    const parts = input.name.split('/').map((p) => p.trim());
    const name = parts.join('/');
    const existing = this.projectsByName.get(name);
    if (existing) throw new Error(`project already exists: ${name}`);
    let parent: Project | undefined;
    for (let i = 0; i < parts.length - 1; i++) {
      const parentName = parts.slice(0, i + 1).join('/');
      parent =
        this.projectsByName.get(parentName) ??
        this.insertProject(
          {
            name: parentName,
            user: input.user,
            created: input.created,
            system_tags: [],
          } as NewProject,
          parent,
        );
    }
    return this.insertProject({ ...input, name }, parent);
  }

  addTask(input: NewTask): Task {
    if (!this.projects.has(input.project)) throw new Error(`no project with id ${input.project}`);
    const now = input.created ?? this.nowIso();
    const task: Task = {
      id: input.id ?? this.newId(),
      company: COMPANY_ID,
      user: this.deps.defaultUser,
      type: 'training',
      status: 'created',
      created: now,
      last_update: now,
      last_change: now,
      status_changed: now,
      tags: [],
      system_tags: [],
      ...stripUndefined(input),
    } as Task;
    this.tasks.set(task.id, task);
    pushTo(this.tasksByProject, task.project, task);
    this.touch();
    return task;
  }

  addModel(input: NewModel): Model {
    if (input.project && !this.projects.has(input.project)) {
      throw new Error(`no project with id ${input.project}`);
    }
    const now = input.created ?? this.nowIso();
    const model: Model = {
      id: input.id ?? this.newId(),
      company: COMPANY_ID,
      user: this.deps.defaultUser,
      created: now,
      last_update: now,
      framework: 'PyTorch',
      ready: false,
      tags: [],
      system_tags: [],
      uri: '',
      ...stripUndefined(input),
    } as Model;
    this.models.set(model.id, model);
    if (model.project) pushTo(this.modelsByProject, model.project, model);
    this.touch();
    return model;
  }

  getProject(id: string): Project | undefined {
    return this.projects.get(id);
  }
  getProjectByName(name: string): Project | undefined {
    return this.projectsByName.get(name);
  }
  getTask(id: string): Task | undefined {
    return this.tasks.get(id);
  }
  getModel(id: string): Model | undefined {
    return this.models.get(id);
  }

  /** Direct children; `undefined` = top-level projects. */
  childrenOf(parentId: string | undefined): readonly Project[] {
    return this.childrenByParent.get(parentId ?? '') ?? EMPTY;
  }

  descendantsOf(id: string): Project[] {
    const out: Project[] = [];
    const stack = [...this.childrenOf(id)];
    while (stack.length > 0) {
      const p = stack.pop() as Project;
      out.push(p);
      stack.push(...this.childrenOf(p.id));
    }
    return out;
  }

  tasksInProject(projectId: string): readonly Task[] {
    return this.tasksByProject.get(projectId) ?? EMPTY;
  }

  modelsInProject(projectId: string): readonly Model[] {
    return this.modelsByProject.get(projectId) ?? EMPTY;
  }

  /** All tasks in insertion order (a fresh array per store version). */
  allTasks(): readonly Task[] {
    return this.cachedValues('tasks', this.tasks);
  }
  allModels(): readonly Model[] {
    return this.cachedValues('models', this.models);
  }
  allProjects(): readonly Project[] {
    return this.cachedValues('projects', this.projects);
  }

  counts(): StoreCounts {
    return { projects: this.projects.size, tasks: this.tasks.size, models: this.models.size };
  }

  /** Marks the data changed after a caller mutated an entity in place. */
  touch(): void {
    this.version++;
  }

  snapshot(): StoreSnapshot {
    return {
      projects: [...this.projects.values()],
      tasks: [...this.tasks.values()],
      models: [...this.models.values()],
      users: [...this.users.values()],
    };
  }

  clear(): void {
    for (const m of [
      this.projects,
      this.tasks,
      this.models,
      this.users,
      this.projectsByName,
      this.childrenByParent,
      this.tasksByProject,
      this.modelsByProject,
    ]) {
      m.clear();
    }
    this.touch();
  }

  load(snapshot: StoreSnapshot): void {
    this.clear();
    for (const u of snapshot.users) this.addUser(u);
    // Parents were saved before their children (insertion order), so indexes rebuild in one pass.
    for (const p of snapshot.projects) {
      this.insertProject(p, p.parent ? this.projects.get(p.parent) : undefined);
    }
    for (const t of snapshot.tasks) this.addTask(t);
    for (const m of snapshot.models) this.addModel(m);
  }

  private readonly valueCache = new Map<string, { version: number; values: readonly unknown[] }>();

  private cachedValues<T>(key: string, map: Map<string, T>): readonly T[] {
    const hit = this.valueCache.get(key);
    if (hit && hit.version === this.version) return hit.values as readonly T[];
    const values = [...map.values()];
    this.valueCache.set(key, { version: this.version, values });
    return values;
  }

  private insertProject(input: NewProject, parent: Project | undefined): Project {
    const now = input.created ?? this.nowIso();
    const basename = input.name.split('/').pop() as string;
    const project: Project = {
      id: input.id ?? this.newId(),
      basename,
      company: COMPANY_ID,
      user: this.deps.defaultUser,
      created: now,
      last_update: now,
      tags: [],
      system_tags: [],
      ...stripUndefined(input),
    } as Project;
    if (parent) project.parent = parent.id;
    this.projects.set(project.id, project);
    this.projectsByName.set(project.name, project);
    pushTo(this.childrenByParent, parent?.id ?? '', project);
    this.touch();
    return project;
  }
}

function pushTo<T>(index: Map<string, T[]>, key: string, value: T): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
