// A validator per operation, compiled once from openapi.yaml: path parameters (already
// URL-decoded by Express), query (types coerced, `explode` arrays even for one value, defaults
// filled, unknown names refused), the headers the operation declares, and the JSON body. A
// handler only ever sees input that passed; everything else is an InputError naming each field.
import type { Request } from 'express';
import type { ValidateFunction } from 'ajv';
import { InputError, UnsupportedMediaTypeError, type FieldProblem } from '../errors/index.js';
import type { operations } from '../generated/openapi.js';
import { createContractAjv, rewriteRefs } from './createContractAjv.js';
import { formatAjvErrors } from './formatAjvErrors.js';
import type { OpenApiDoc } from './loadOpenApi.js';

export type OperationId = keyof operations;
type Params<Op extends OperationId> = operations[Op]['parameters'];
type Body<Op extends OperationId> = operations[Op] extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : undefined;

/** What a handler receives: checked, coerced, defaults applied. */
export interface ValidatedInput<Op extends OperationId> {
  path: NonNullable<Params<Op>['path']>;
  query: NonNullable<Params<Op>['query']>;
  header: NonNullable<Params<Op>['header']>;
  body: Body<Op>;
}

export interface RequestValidator {
  validate<Op extends OperationId>(operationId: Op, req: Request): ValidatedInput<Op>;
  /** The operation ids the contract declares (every one must have a route). */
  operationIds(): string[];
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: unknown;
}

interface CompiledOperation {
  path?: ValidateFunction;
  query?: ValidateFunction;
  queryNames: Set<string>;
  header?: ValidateFunction;
  headerNames: Map<string, string>;
  body?: ValidateFunction;
  bodyRequired: boolean;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

function resolveParameter(doc: OpenApiDoc, p: unknown): Parameter {
  const ref = (p as { $ref?: string }).$ref;
  if (!ref) return p as Parameter;
  const name = ref.replace('#/components/parameters/', '');
  const found = doc.components.parameters?.[name];
  if (!found) throw new Error(`openapi.yaml: unknown parameter ${ref}`);
  return found as Parameter;
}

function objectSchema(params: Parameter[]) {
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, rewriteRefs(p.schema ?? {})])),
    required: params.filter((p) => p.required).map((p) => p.name),
  };
}

function fail(problems: FieldProblem[]): never {
  const detail = problems.map((p) => `${p.name}: ${p.message}`).join('; ');
  throw new InputError(detail || 'Invalid request', problems);
}

function isJson(req: Request): boolean {
  return req.is(['application/json', 'application/*+json']) !== false;
}

export function createRequestValidator(doc: OpenApiDoc): RequestValidator {
  // Parameters arrive as text: coerce them. JSON bodies must already have the right types.
  const coercing = createContractAjv(doc, { coerce: true, useDefaults: true });
  const strict = createContractAjv(doc, { coerce: false, useDefaults: true });

  const compiled = new Map<string, CompiledOperation>();
  for (const pathItem of Object.values(doc.paths)) {
    const shared = ((pathItem.parameters as unknown[]) ?? []).map((p) => resolveParameter(doc, p));
    for (const method of METHODS) {
      const op = pathItem[method] as
        { operationId?: string; parameters?: unknown[]; requestBody?: unknown } | undefined;
      if (!op?.operationId) continue;
      const params = [...shared, ...(op.parameters ?? []).map((p) => resolveParameter(doc, p))];
      const by = (where: Parameter['in']) => params.filter((p) => p.in === where);
      const headers = by('header');
      const body = op.requestBody as
        { required?: boolean; content?: Record<string, { schema?: unknown }> } | undefined;
      const bodySchema = body?.content?.['application/json']?.schema;
      compiled.set(op.operationId, {
        path: by('path').length ? coercing.compile(objectSchema(by('path'))) : undefined,
        query: by('query').length ? coercing.compile(objectSchema(by('query'))) : undefined,
        queryNames: new Set(by('query').map((p) => p.name)),
        header: headers.length
          ? coercing.compile(
              objectSchema(headers.map((h) => ({ ...h, name: h.name.toLowerCase() }))),
            )
          : undefined,
        headerNames: new Map(headers.map((h) => [h.name.toLowerCase(), h.name])),
        body: bodySchema ? strict.compile(rewriteRefs(bodySchema) as object) : undefined,
        bodyRequired: body?.required === true,
      });
    }
  }

  return {
    operationIds: () => [...compiled.keys()],
    validate<Op extends OperationId>(operationId: Op, req: Request): ValidatedInput<Op> {
      const op = compiled.get(operationId);
      if (!op) throw new Error(`No operation ${operationId} in openapi.yaml`);
      const problems: FieldProblem[] = [];

      const path: Record<string, unknown> = { ...req.params };
      if (op.path && !op.path(path)) problems.push(...formatAjvErrors(op.path.errors, 'path'));

      const query: Record<string, unknown> = { ...(req.query as Record<string, unknown>) };
      for (const name of Object.keys(query)) {
        if (!op.queryNames.has(name)) {
          problems.push({ in: 'query', name, message: 'is not a known parameter here' });
        }
      }
      if (op.query && !op.query(query)) problems.push(...formatAjvErrors(op.query.errors, 'query'));

      const lowered: Record<string, unknown> = {};
      for (const name of op.headerNames.keys()) {
        const value = req.headers[name];
        if (value !== undefined) lowered[name] = value;
      }
      if (op.header && !op.header(lowered)) {
        for (const p of formatAjvErrors(op.header.errors, 'header')) {
          problems.push({ ...p, name: op.headerNames.get(p.name) ?? p.name });
        }
      }
      const header = Object.fromEntries(
        Object.entries(lowered).map(([k, v]) => [op.headerNames.get(k) ?? k, v]),
      );

      let body: unknown;
      if (op.body) {
        const hasBody = req.body !== undefined && req.headers['content-length'] !== '0';
        if (req.headers['content-type'] !== undefined && !isJson(req)) {
          throw new UnsupportedMediaTypeError('The request body must be application/json');
        }
        if (!hasBody && op.bodyRequired) {
          problems.push({ in: 'body', name: 'body', message: 'a JSON body is required' });
        } else if (hasBody) {
          body = req.body;
          if (!op.body(body)) problems.push(...formatAjvErrors(op.body.errors, 'body'));
        }
      }

      if (problems.length > 0) fail(problems);
      return { path, query, header, body } as unknown as ValidatedInput<Op>;
    },
  };
}
