import type { HyperparameterSection } from './taskFormValues';
import { FORM_FIELDS, fieldPath } from './taskFormValues';

export type FormNamePath = (string | number)[];

// The proxy says a key itself is bad (`propertyNames`) with this message; anything else about a
// parameter (length, type) is about its value.
const BAD_NAME = /not a valid name/i;

/**
 * The form field a problem's `errors[].name` points at, or null when it names none.
 * `hyperparameters.<section>.<name>` is matched against the sections and keys the user typed
 * (their names may themselves hold dots), and lands on that parameter's value, or its key when
 * the key is what is wrong; `hyperparameters.<section>` lands on the section's name.
 */
export function problemFieldPath(
  name: string,
  message: string,
  hyperparameters: HyperparameterSection[] | undefined,
): FormNamePath | null {
  const path = fieldPath(name);
  if (FORM_FIELDS.has(path.join('.'))) return path;
  const rest = name.replace(/^\/+/, '').replace(/^body[./]/, '');
  const prefix = 'hyperparameters.';
  if (!rest.startsWith(prefix)) return null;
  const inner = rest.slice(prefix.length);
  const sections = hyperparameters ?? [];
  for (const [s, section] of sections.entries()) {
    const sectionName = (section?.section ?? '').trim();
    if (!sectionName) continue;
    if (inner === sectionName) return ['hyperparameters', s, 'section'];
    if (!inner.startsWith(`${sectionName}.`)) continue;
    const paramName = inner.slice(sectionName.length + 1);
    const p = (section.params ?? []).findIndex((param) => param?.key?.trim() === paramName);
    if (p >= 0) {
      return ['hyperparameters', s, 'params', p, BAD_NAME.test(message) ? 'key' : 'value'];
    }
  }
  return null;
}
