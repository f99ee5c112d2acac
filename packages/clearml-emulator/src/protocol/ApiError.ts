/** An error answered in ClearML's envelope: HTTP status = result_code, plus its subcode. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly subcode: number,
    message: string,
    readonly errorData: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

// The real server's messages follow "<generic text> (<details>)"; clients log them as they are.
export const missingField = (field: string) =>
  new ApiError(400, 11, `Validation error (missing required field: ${field})`, { field });
export const validationError = (detail: string, data: Record<string, unknown> = {}) =>
  new ApiError(400, 12, `Validation error (${detail})`, data);
export const invalidReference = (field: string, value: unknown, expecting: string) =>
  new ApiError(
    400,
    16,
    `Invalid value for fields (${field}=${String(value)}: expecting ${expecting} id)`,
    {
      field,
    },
  );
export const invalidTaskId = (id: string) =>
  new ApiError(400, 101, `Invalid task id: id=${id}`, { id });
export const invalidModelId = (id: string) =>
  new ApiError(400, 201, `Invalid model id: id=${id}`, { id });
export const invalidProjectId = (id: string) =>
  new ApiError(400, 401, `Invalid project id: id=${id}`, { id });
export const projectExists = (name: string) =>
  new ApiError(400, 801, `Project with the same name already exists: name=${name}`, { name });
