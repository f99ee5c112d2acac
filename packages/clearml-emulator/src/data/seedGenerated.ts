import type { EmulatorStore } from '../store/EmulatorStore.js';
import type { Project } from '../store/entities.js';
import type { SeedMoreOptions } from '../types.js';
import type { Prng } from './createPrng.js';
import { DOMAINS, type DomainKey } from './domains.js';
import { makeModel } from './makeModel.js';
import { makeTask } from './makeTask.js';

const DOMAIN_KEYS = Object.keys(DOMAINS) as DomainKey[];

/**
 * Bulk data for scale runs: `projects` new projects under `Generated/`, then `tasks` and
 * `models` spread round-robin over them (or all into `projectName`). Tasks are "light".
 */
export function seedGenerated(store: EmulatorStore, prng: Prng, opts: SeedMoreOptions): void {
  const targets: Project[] = [];
  const existing = store.allProjects().filter((p) => p.name.startsWith('Generated/')).length;
  for (let i = 0; i < (opts.projects ?? 0); i++) {
    const name = `Generated/Project ${String(existing + i + 1).padStart(4, '0')}`;
    targets.push(
      store.getProjectByName(name) ??
        store.addProject({ name, description: 'Generated for scale tests' }),
    );
  }
  if (opts.projectName) {
    targets.length = 0;
    targets.push(
      store.getProjectByName(opts.projectName) ?? store.addProject({ name: opts.projectName }),
    );
  }
  const needTargets = (opts.tasks ?? 0) > 0 || (opts.models ?? 0) > 0;
  if (needTargets && targets.length === 0) {
    const name = 'Generated/Default';
    targets.push(store.getProjectByName(name) ?? store.addProject({ name }));
  }
  for (let i = 0; i < (opts.tasks ?? 0); i++) {
    const project = targets[i % targets.length] as Project;
    const domain = DOMAINS[DOMAIN_KEYS[i % DOMAIN_KEYS.length] as DomainKey];
    store.addTask(makeTask(prng, { project: project.id, domain, light: true }));
  }
  for (let i = 0; i < (opts.models ?? 0); i++) {
    const project = targets[i % targets.length] as Project;
    const domain = DOMAINS[DOMAIN_KEYS[i % DOMAIN_KEYS.length] as DomainKey];
    store.addModel(makeModel(prng, { domain, project: project.id }));
  }
}
