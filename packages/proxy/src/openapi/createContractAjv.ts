// One Ajv (JSON Schema 2020-12, as OpenAPI 3.1 uses) with the contract's component schemas
// registered once, so operation schemas can `$ref` them.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { OpenApiDoc } from './loadOpenApi.js';

const DOC_ID = 'openapi';
// The ajv-formats default export is a CJS function under NodeNext.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** `#/components/schemas/X` → `openapi#/$defs/X`, recursively. */
export function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string'
          ? v.replace('#/components/schemas/', `${DOC_ID}#/$defs/`)
          : rewriteRefs(v),
      ]),
    );
  }
  return value;
}

export function createContractAjv(
  doc: OpenApiDoc,
  options: { coerce: boolean; useDefaults: boolean },
): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    useDefaults: options.useDefaults,
    coerceTypes: options.coerce ? 'array' : false,
    // OpenAPI adds annotation keywords (example, …) that JSON Schema does not know.
    strict: false,
  });
  addFormats(ajv);
  ajv.addSchema({ $id: DOC_ID, $defs: rewriteRefs(doc.components.schemas) });
  return ajv;
}
