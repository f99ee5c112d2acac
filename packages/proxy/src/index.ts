export * from './errors/index.js';
export type * from './clearml/types.js';
export * from './auth/index.js';
export { createApp, BODY_LIMIT, COMPRESSION_THRESHOLD, type AppDeps } from './app.js';
export * from './config/index.js';
export * from './logging/index.js';
export * from './lifecycle/index.js';
export {
  createRequestValidator,
  loadOpenApi,
  OPENAPI_PATH,
  type OpenApiDoc,
  type OperationId,
  type RequestValidator,
  type ValidatedInput,
} from './openapi/index.js';
