// Checks answers against openapi.yaml's response schemas (status, media type and body), so
// every integration test also proves the proxy keeps its contract.
import type { ValidateFunction } from 'ajv';
import { createContractAjv, loadOpenApi, rewriteRefs } from '../../../src/openapi/index.js';

type Responses = Record<string, { $ref?: string; content?: Record<string, { schema?: unknown }> }>;

export const contractDoc = loadOpenApi();
const ajv = createContractAjv(contractDoc, { coerce: false, useDefaults: false });
const compiled = new Map<string, ValidateFunction>();

function responsesOf(operationId: string): Responses {
  for (const item of Object.values(contractDoc.paths)) {
    for (const op of Object.values(item)) {
      const o = op as { operationId?: string; responses?: Responses };
      if (o.operationId === operationId && o.responses) return o.responses;
    }
  }
  throw new Error(`no operation ${operationId}`);
}

/** Returns the schema problems of one answer; empty when it matches the contract. */
export function contractProblems(
  operationId: string,
  status: number,
  contentType: string | null,
  body: unknown,
): string[] {
  const declared = responsesOf(operationId)[String(status)];
  if (!declared) return [`${operationId}: status ${status} is not declared`];
  const response = declared.$ref
    ? (contractDoc.components.responses?.[declared.$ref.split('/').pop()!] as Responses[string])
    : declared;
  const mediaType = (contentType ?? '').split(';')[0]!.trim();
  const media = response.content?.[mediaType];
  if (!media) return [`${operationId} ${status}: media type ${mediaType} is not declared`];
  const key = `${operationId} ${status} ${mediaType}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(rewriteRefs(media.schema ?? {}) as object);
    compiled.set(key, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${key}: ${e.instancePath} ${e.message}`);
}
