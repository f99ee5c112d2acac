export { startEmulator } from './startEmulator.js';
export type { EmulatorOptions, Faults, RunningEmulator, SeedMoreOptions } from './types.js';
export { EmulatorStore } from './store/EmulatorStore.js';
export type {
  StoreCounts,
  StoreSnapshot,
  NewProject,
  NewTask,
  NewModel,
} from './store/EmulatorStore.js';
export type { Project, Task, Model, User } from './store/entities.js';
export { SAMPLE_PROJECT_NAMES } from './data/seedSampleData.js';
export { SAMPLE_USERS } from './data/domains.js';
