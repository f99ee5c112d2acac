// ClearML treats name filters as regular expressions matched anywhere (Python `re` on the
// server, PCRE in Mongo; the emulator uses JS RegExp). Only syntax characters are escaped, so
// the pattern means the same in all three (JS `u` mode rejects escapes of ordinary characters).
const SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

export function escapeRegex(text: string): string {
  return text.replace(SYNTAX, '\\$&');
}

/** A filter that matches exactly this name and nothing else (`cats` never matches `cats_v2`). */
export function exactNamePattern(name: string): string {
  return `^${escapeRegex(name)}$`;
}

/**
 * "Contains this text, ignoring case", written with character classes (`[cC][aA]…`) because
 * inline flags such as `(?i)` are not portable between Python, Mongo and JS.
 */
export function containsCaselessPattern(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    const cased = lower !== upper && [...lower].length === 1 && [...upper].length === 1;
    out += cased ? `[${lower}${upper}]` : escapeRegex(ch);
  }
  return out;
}
