import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { authenticate } from '../auth/authenticate.js';
import { API_VERSION, type Identity } from '../auth/TokenService.js';
import type { EmulatorServices, EndpointDef } from '../endpoints/EndpointDef.js';
import { ApiError, validationError } from '../protocol/ApiError.js';
import { buildEnvelope } from '../protocol/envelope.js';
import { coerceQuery, validateRequest } from '../protocol/validateRequest.js';
import { BodyTooLargeError, readBody } from './readBody.js';

export interface ApiHandlerDeps {
  services: EmulatorServices;
  endpoints: Map<string, EndpointDef>;
  counters: Map<string, number>;
  random: () => number;
  log: (line: string) => void;
  /** Requests held open by the commit-then-time-out fault, so stop() can end them. */
  held: Set<NodeJS.Timeout>;
}

const PATH = /^\/(?:v(\d+\.\d+)\/)?([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)\/?$/;

/** One call to `/<service>.<action>`, answered the way a ClearML API server answers. */
export async function handleApiRequest(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: ApiHandlerDeps,
): Promise<void> {
  const { services } = deps;
  const faults = services.faults.get();
  if (faults.latencyMs > 0) await sleep(faults.latencyMs);

  const trxHeader = req.headers['x-clearml-trx'];
  const trx =
    (Array.isArray(trxHeader) ? trxHeader[0] : trxHeader) ?? randomUUID().replace(/-/g, '');
  if (req.headers['content-encoding']) {
    return sendText(
      res,
      415,
      `Content encoding is not supported (${req.headers['content-encoding']})`,
    );
  }
  const match = PATH.exec(url.pathname);
  const requestedVersion = match?.[1] ?? API_VERSION;
  const name = match ? `${match[2]}.${match[3]}` : url.pathname.replace(/^\//, '');
  const meta = { trx, endpoint: name, requestedVersion, actualVersion: null as string | null };
  const fail = (e: ApiError) =>
    sendJson(
      res,
      e.code,
      trx,
      buildEnvelope(
        { ...meta, code: e.code, subcode: e.subcode, msg: e.message, errorData: e.errorData },
        null,
      ),
    );

  if (!match) return fail(new ApiError(400, 0, `Invalid request path ${url.pathname}`));
  deps.counters.set(name, (deps.counters.get(name) ?? 0) + 1);

  if (services.faults.shouldFail(name, deps.random))
    return injectedFailure(res, faults.failStatus, trx, meta);

  const endpoint = deps.endpoints.get(name);
  if (compareVersions(requestedVersion, API_VERSION) > 0) {
    return fail(
      new ApiError(
        400,
        2,
        `Invalid API version (requested=${requestedVersion}, max=${API_VERSION})`,
      ),
    );
  }
  meta.actualVersion = endpoint ? actualVersion(endpoint, requestedVersion) : null;
  if (!endpoint || !meta.actualVersion) {
    return fail(
      new ApiError(
        404,
        0,
        `Unable to find endpoint for name ${name} and version ${requestedVersion}`,
      ),
    );
  }

  try {
    let identity: Identity | undefined;
    if (endpoint.authorize) {
      identity = authenticate(req.headers.authorization, services);
    }
    const body = await parseBody(req);
    const merged = { ...coerceQuery(endpoint.spec, url.searchParams), ...body };
    validateRequest(endpoint.spec, merged);
    const data = endpoint.handle({ body: merged, identity, services });
    const holdMs = services.faults.get().commitThenTimeoutMs;
    if (endpoint.creates && holdMs > 0) {
      // The data exists now; the caller's timeout fires before any answer does.
      const timer = setTimeout(() => {
        deps.held.delete(timer);
        req.socket.destroy();
      }, holdMs);
      deps.held.add(timer);
      return;
    }
    sendJson(res, 200, trx, buildEnvelope({ ...meta, code: 200, subcode: 0, msg: 'OK' }, data));
  } catch (err) {
    if (err instanceof ApiError) return fail(err);
    if (err instanceof BodyTooLargeError) return fail(validationError('request body too large'));
    deps.log(`emulator: unhandled error in ${name}: ${(err as Error).stack ?? String(err)}`);
    sendText(res, 500, `Failed processing request ${name} (trx=${trx})`);
  }
}

async function parseBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const raw = await readBody(req);
  if (raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    throw validationError(`Failed parsing request body as JSON: ${(e as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw validationError('request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

function injectedFailure(
  res: ServerResponse,
  status: number,
  trx: string,
  meta: { trx: string; endpoint: string; requestedVersion: string; actualVersion: string | null },
): void {
  if (status === 502) {
    res.writeHead(502, { 'content-type': 'text/html' });
    res.end(
      '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
    );
    return;
  }
  const msg =
    status === 500 ? 'General data error (injected fault)' : 'Service unavailable (injected fault)';
  sendJson(res, status, trx, buildEnvelope({ ...meta, code: status, subcode: 0, msg }, null));
}

function actualVersion(endpoint: EndpointDef, requested: string): string | null {
  let found: string | null = null;
  for (const v of endpoint.versions) if (compareVersions(v, requested) <= 0) found = v;
  return found;
}

export function compareVersions(a: string, b: string): number {
  const [amaj = 0, amin = 0] = a.split('.').map(Number);
  const [bmaj = 0, bmin = 0] = b.split('.').map(Number);
  return amaj - bmaj || amin - bmin;
}

function sendJson(res: ServerResponse, status: number, trx: string, payload: unknown): void {
  const body = JSON.stringify(payload);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'x-clearml-trx': trx,
  });
  res.end(body);
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}
