import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultsInputError } from '../faults/FaultState.js';
import type { Faults } from '../types.js';
import { readBody } from './readBody.js';

export interface ControlSurface {
  faults(): Faults;
  setFaults(f: Partial<Faults>): void;
  expireAllTokens(): void;
  calls(): Record<string, number>;
  resetCalls(): void;
  reset(): void;
}

export const CONTROL_PREFIX = '/_emulator/';

/**
 * The test control surface under /_emulator/: plain JSON, no envelope and no auth. It is
 * for tests and benchmarks in other processes; the emulator binds to loopback by default.
 */
export async function handleControlRequest(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  control: ControlSurface,
): Promise<void> {
  const route = `${req.method ?? 'GET'} ${path.slice(CONTROL_PREFIX.length - 1)}`;
  switch (route) {
    case 'GET /faults':
      return json(res, 200, control.faults());
    case 'POST /faults': {
      let patch: unknown;
      try {
        const raw = await readBody(req);
        patch = raw.trim() === '' ? {} : JSON.parse(raw);
      } catch {
        return problem(
          res,
          400,
          'Invalid JSON',
          'the body must be a JSON object of fault settings',
        );
      }
      try {
        control.setFaults(patch as Partial<Faults>);
      } catch (e) {
        if (e instanceof FaultsInputError) {
          return problem(res, 400, 'Invalid fault settings', e.problems.join('; '), e.problems);
        }
        throw e;
      }
      return json(res, 200, control.faults());
    }
    case 'POST /expire-tokens':
      control.expireAllTokens();
      return json(res, 200, { expired: true });
    case 'GET /calls':
      return json(res, 200, control.calls());
    case 'POST /calls/reset':
      control.resetCalls();
      return json(res, 200, control.calls());
    case 'POST /reset':
      control.reset();
      return json(res, 200, { reset: true });
    default:
      return problem(res, 404, 'Not Found', `no control route ${route}`);
  }
}

function json(res: ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(payload));
}

function problem(
  res: ServerResponse,
  status: number,
  title: string,
  detail: string,
  errors?: string[],
): void {
  res.writeHead(status, { 'content-type': 'application/problem+json' });
  const body: Record<string, unknown> = { type: 'about:blank', title, status, detail };
  if (errors) body.errors = errors.map((e) => ({ detail: e }));
  res.end(JSON.stringify(body));
}
