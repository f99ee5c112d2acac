// Ajv's errors → our field problems: one per field, named the way a caller writes it
// (`script.branch`, `tags[2]`, `page_size`), with a message that never echoes the input.
import type { ErrorObject } from 'ajv';
import type { FieldProblem } from '../errors/index.js';

type Location = NonNullable<FieldProblem['in']>;

function fieldName(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((name, part) => {
      if (/^\d+$/.test(part)) return `${name}[${part}]`;
      return name ? `${name}.${part}` : part;
    }, '');
}

function join(parent: string, child: string): string {
  return parent ? `${parent}.${child}` : child;
}

function describe(error: ErrorObject): { name: string; message: string } {
  const base = fieldName(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { name: join(base, String(params.missingProperty)), message: 'is required' };
    case 'additionalProperties':
      return {
        name: join(base, String(params.additionalProperty)),
        message: 'is not an allowed field',
      };
    case 'enum':
      return {
        name: base,
        message: `must be one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}`,
      };
    case 'pattern':
      return { name: base, message: 'has characters or a shape that is not allowed' };
    case 'propertyNames':
      return { name: join(base, String(params.propertyName)), message: 'is not a valid name' };
    default:
      return { name: base, message: error.message ?? 'is invalid' };
  }
}

// Keywords that only summarise errors reported in more detail elsewhere.
const SUMMARY = new Set(['if', 'anyOf', 'oneOf', 'allOf']);

export function formatAjvErrors(
  errors: readonly ErrorObject[] | null | undefined,
  location: Location,
): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const error of errors ?? []) {
    if (SUMMARY.has(error.keyword)) continue;
    // propertyNames reports the bad name once itself; its inner errors say the same again.
    if (error.propertyName !== undefined && error.keyword !== 'propertyNames') continue;
    const { name, message } = describe(error);
    // The root of a body is named `body`, so a problem always names something.
    const problem: FieldProblem = { in: location, name: name || location, message };
    const key = `${problem.name}\u0000${problem.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(problem);
    }
  }
  return problems;
}
