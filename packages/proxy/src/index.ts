export * from './errors/index.js';
export type * from './clearml/types.js';
export * from './auth/index.js';
