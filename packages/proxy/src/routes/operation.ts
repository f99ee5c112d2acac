// Wraps a handler for one contract operation: input is validated against openapi.yaml first,
// and the handler gets the caller and the call context the ClearML service needs.
import type { Request, RequestHandler, Response } from 'express';
import type { Caller } from '../auth/types.js';
import type { CallContext } from '../clearml/types.js';
import type { OperationId, ValidatedInput } from '../openapi/index.js';
import type { RouteDeps } from './RouteDeps.js';

export interface OperationHttp {
  req: Request;
  res: Response;
  caller: Caller;
  ctx: CallContext;
}

export type OperationHandler<Op extends OperationId> = (
  input: ValidatedInput<Op>,
  http: OperationHttp,
) => Promise<void> | void;

export function operation<Op extends OperationId>(
  deps: Pick<RouteDeps, 'validator' | 'security'>,
  operationId: Op,
  handler: OperationHandler<Op>,
): RequestHandler {
  return async (req, res) => {
    const input = deps.validator.validate(operationId, req);
    const caller = res.locals.caller as Caller;
    // Aborted when the caller goes away before the answer is sent: ClearML work stops too.
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    const ctx: CallContext = {
      scope: deps.security.scopeFor(caller),
      signal: controller.signal,
      requestId: res.locals.requestId as string | undefined,
    };
    await handler(input, { req, res, caller, ctx });
  };
}
