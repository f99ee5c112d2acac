export {
  createRequestValidator,
  type OperationId,
  type RequestValidator,
  type ValidatedInput,
} from './createRequestValidator.js';
export { formatAjvErrors } from './formatAjvErrors.js';
export { loadOpenApi, OPENAPI_PATH, type OpenApiDoc } from './loadOpenApi.js';
export { createContractAjv, rewriteRefs } from './createContractAjv.js';
