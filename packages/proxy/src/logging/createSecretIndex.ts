// The values a logger was handed one by one (callers' Authorization and Cookie values, fresh
// ClearML tokens): up to a thousand of them. Looking for each one in every line cost time in
// proportion to how many there are; this index finds them in one pass over the line instead.

export const REDACTED = '[redacted]';

/** Secrets shorter than this are not searched for: they would mask ordinary words. */
export const MIN_SECRET_LENGTH = 6;

export interface SecretIndex {
  add(secret: string): void;
  delete(secret: string): void;
  /** `text` with every known secret (also as it appears inside a JSON string) masked. */
  redact(text: string): string;
  readonly size: number;
}

/** The forms a secret takes in a line: as it is, and escaped inside a JSON string. */
export function secretForms(secret: string): string[] {
  const escaped = JSON.stringify(secret).slice(1, -1);
  return escaped === secret ? [secret] : [secret, escaped];
}

/**
 * Each form is filed under its first MIN_SECRET_LENGTH characters, so one pass over the line
 * asks one map lookup per position, however many secrets there are. Where forms share a prefix,
 * the longest is tried first, so a secret that contains another is masked whole.
 */
export function createSecretIndex(): SecretIndex {
  const byPrefix = new Map<string, string[]>();
  const counts = new Map<string, number>();

  const file = (form: string) => {
    const key = form.slice(0, MIN_SECRET_LENGTH);
    const list = byPrefix.get(key) ?? [];
    if (!list.includes(form)) list.push(form);
    list.sort((a, b) => b.length - a.length);
    byPrefix.set(key, list);
  };
  const unfile = (form: string) => {
    const key = form.slice(0, MIN_SECRET_LENGTH);
    const list = byPrefix.get(key)?.filter((f) => f !== form) ?? [];
    if (list.length > 0) byPrefix.set(key, list);
    else byPrefix.delete(key);
  };

  return {
    add(secret) {
      if (secret.length < MIN_SECRET_LENGTH) return;
      const n = counts.get(secret) ?? 0;
      counts.set(secret, n + 1);
      if (n === 0) secretForms(secret).forEach(file);
    },
    delete(secret) {
      const n = counts.get(secret);
      if (n === undefined) return;
      if (n > 1) {
        counts.set(secret, n - 1);
        return;
      }
      counts.delete(secret);
      secretForms(secret).forEach(unfile);
    },
    redact(text) {
      if (byPrefix.size === 0) return text;
      let out = '';
      let copied = 0;
      for (let i = 0; i <= text.length - MIN_SECRET_LENGTH;) {
        const forms = byPrefix.get(text.slice(i, i + MIN_SECRET_LENGTH));
        const hit = forms?.find((form) => text.startsWith(form, i));
        if (hit === undefined) {
          i += 1;
          continue;
        }
        out += text.slice(copied, i) + REDACTED;
        i += hit.length;
        copied = i;
      }
      return copied === 0 ? text : out + text.slice(copied);
    },
    get size() {
      return counts.size;
    },
  };
}
