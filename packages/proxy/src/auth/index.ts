export type { AuthMode, Caller, ProjectScope, Security } from './types.js';
export { createProjectScope } from './createProjectScope.js';
export { createSecurity, type SecurityDeps } from './createSecurity.js';
