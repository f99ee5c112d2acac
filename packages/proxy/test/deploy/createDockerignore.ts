// .dockerignore semantics, as far as our checks need them: glob patterns relative to the
// context root, `**` for any number of folders, `!` to re-include, the last match wins, and
// a path is left out when it or any folder above it is left out.

export interface Dockerignore {
  isIgnored(path: string): boolean;
  patterns: string[];
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i += 1) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

export function createDockerignore(text: string): Dockerignore {
  const rules = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const negate = l.startsWith('!');
      const glob = (negate ? l.slice(1) : l).replace(/^\/+/, '').replace(/\/+$/, '');
      return { negate, regexp: globToRegExp(glob), pattern: l };
    });
  const matches = (path: string): boolean => {
    let ignored = false;
    for (const rule of rules) if (rule.regexp.test(path)) ignored = !rule.negate;
    return ignored;
  };
  return {
    patterns: rules.map((r) => r.pattern),
    isIgnored(path) {
      const parts = path
        .replace(/^\.?\/+/, '')
        .replace(/\/+$/, '')
        .split('/');
      return parts.some((_, i) => matches(parts.slice(0, i + 1).join('/')));
    },
  };
}
