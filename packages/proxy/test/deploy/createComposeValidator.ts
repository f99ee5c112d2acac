// Validates a parsed compose file against the official Compose JSON Schema (draft-07),
// vendored in deploy/compose-spec/: the schema Docker Compose itself validates with.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import * as ajvFormats from 'ajv-formats';

// ajv-formats is CommonJS with an `exports.default`: depending on the loader's interop the
// plugin is the namespace's default or that default's own `default`.
type FormatsPlugin = (ajv: Ajv) => Ajv;
const formatsDefault = (
  ajvFormats as unknown as { default: FormatsPlugin & { default?: FormatsPlugin } }
).default;
const addFormats: FormatsPlugin = formatsDefault.default ?? formatsDefault;

export type ComposeValidator = (document: unknown) => string[];

export function createComposeValidator(schemaPath: string): ComposeValidator {
  const { $schema, ...schema } = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<
    string,
    unknown
  >;
  // The file names its meta-schema as https://json-schema.org/draft-07/schema, a spelling
  // ajv does not register (it knows http://…#). Ajv's default draft is draft-07 itself.
  if ($schema !== 'https://json-schema.org/draft-07/schema')
    throw new Error(`unexpected $schema ${String($schema)}`);
  // strict: false because the schema carries annotations ajv does not know ("deprecated").
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (document) => {
    if (validate(document)) return [];
    return (validate.errors ?? []).map(
      (e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'} ${JSON.stringify(e.params)}`,
    );
  };
}
