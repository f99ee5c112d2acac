export type * from './types.js';
export { createClearmlService, type ClearmlServiceOptions } from './createClearmlService.js';
export { escapeRegex, exactNamePattern, containsCaselessPattern } from './escapeRegex.js';
export { createWebUrls, type WebUrls } from './webUrls.js';
export { HEALTH_DEADLINE_MS } from './checkHealth.js';
