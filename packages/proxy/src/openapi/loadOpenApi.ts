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

export function loadOpenApi(path: string = OPENAPI_PATH): OpenApiDoc {
  const doc = parse(readFileSync(path, 'utf8')) as OpenApiDoc;
  if (!doc || typeof doc !== 'object' || !doc.paths || !doc.components?.schemas) {
    throw new Error(`${path} is not an OpenAPI document with paths and components.schemas`);
  }
  return doc;
}
