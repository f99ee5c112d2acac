import type { ProjectScope } from './types.js';

/**
 * CLEARML_PROJECTS patterns: `Vision` (that project only), `Vision/*` (Vision and everything
 * below it), `*` (everything). A project is visible when any pattern matches its full path.
 */
export function createProjectScope(patterns: readonly string[]): ProjectScope {
  const cleaned = [...new Set(patterns.map((p) => p.trim()).filter((p) => p.length > 0))].sort();
  if (cleaned.length === 0 || cleaned.includes('*')) {
    return { key: '*', all: true, allows: () => true };
  }
  const matchers = cleaned.map((pattern) => {
    if (pattern.endsWith('/*')) {
      const base = pattern.slice(0, -2);
      return (name: string) => name === base || name.startsWith(`${base}/`);
    }
    return (name: string) => name === pattern;
  });
  return {
    key: cleaned.join('\n'),
    all: false,
    allows: (name) => matchers.some((m) => m(name)),
  };
}
