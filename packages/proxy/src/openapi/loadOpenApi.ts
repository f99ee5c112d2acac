// The contract is read once at start-up from openapi.yaml itself (the same file the types are
// generated from), so validation can never drift from the documentation.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The parts of an OpenAPI 3.1 document this package reads. */
export interface OpenApiDoc {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, unknown>>;
  components: {
    schemas: Record<string, unknown>;
    parameters?: Record<string, unknown>;
    responses?: Record<string, unknown>;
  };
}

// From src/openapi (or dist/openapi) to the package root.
export const OPENAPI_PATH = fileURLToPath(new URL('../../openapi.yaml', import.meta.url));

/**
 * openapi.yaml stays within Latin-1 (a test checks). In a text with any wider character, V8
 * stores the whole text, and every key the YAML parser slices from it, as UTF-16; those keys
 * become the property names the proxy's answers use (`project_name`, `web_url`…), so every
 * answer was then serialized as a UTF-16 string: twice the memory, and ~40% more CPU to
 * stringify, convert to UTF-8 and hash for the ETag.
 */
export function loadOpenApi(path: string = OPENAPI_PATH): OpenApiDoc {
  const doc = parse(readFileSync(path, 'utf8')) as OpenApiDoc;
  if (!doc || typeof doc !== 'object' || !doc.paths || !doc.components?.schemas) {
    throw new Error(`${path} is not an OpenAPI document with paths and components.schemas`);
  }
  return doc;
}
