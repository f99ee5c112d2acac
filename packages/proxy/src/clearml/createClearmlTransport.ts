import http from 'node:http';
import https from 'node:https';
import { ClearmlCallFailure, type FailureKind } from './ClearmlCallFailure.js';

export type LogLine = (line: Record<string, unknown>) => void;

export type TransportAuth =
  { bearer: string } | { basic: { accessKey: string; secretKey: string } } | undefined;

export interface TransportCall {
  endpoint: string;
  body: Record<string, unknown>;
  auth: TransportAuth;
  trx: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /**
   * Use a new connection. For writes: a pooled socket the server closed while idle fails as
   * a "reset", and a reset write is ambiguous (was it applied?) — a fresh socket avoids that.
   */
  fresh?: boolean;
}

export interface ClearmlTransport {
  /** POSTs one call and answers its `data`, or throws a ClearmlCallFailure. */
  post(call: TransportCall): Promise<unknown>;
  /** Ends the keep-alive sockets. */
  close(): void;
}

export interface TransportOptions {
  apiHost: string;
  log: LogLine;
  now: () => number;
}

/** Bigger answers than this are not something a list or detail call should ever get. */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
]);

/**
 * `POST <apiHost>/<service>.<action>` with JSON over keep-alive sockets, one deadline per
 * call, `X-ClearML-Trx` on every request, and one log line per call (endpoint, trx, status,
 * duration: never the host, keys or token).
 */
export function createClearmlTransport(options: TransportOptions): ClearmlTransport {
  const base = options.apiHost.replace(/\/+$/, '');
  const isHttps = base.startsWith('https:');
  const agent = isHttps
    ? new https.Agent({ keepAlive: true, maxSockets: 64, keepAliveMsecs: 10_000 })
    : new http.Agent({ keepAlive: true, maxSockets: 64, keepAliveMsecs: 10_000 });
  const freshAgent = isHttps
    ? new https.Agent({ keepAlive: false })
    : new http.Agent({ keepAlive: false });
  const request = isHttps ? https.request : http.request;

  /**
   * A pooled socket the server closed while idle fails at once with a reset and nothing
   * received; the request never reached ClearML, so a read goes again on a new connection.
   */
  async function post(call: TransportCall): Promise<unknown> {
    try {
      return await postOnce(call);
    } catch (err) {
      if (!(err instanceof StaleSocket)) throw err;
      return postOnce({ ...call, fresh: true });
    }
  }

  function postOnce(call: TransportCall): Promise<unknown> {
    const started = options.now();
    const payload = Buffer.from(JSON.stringify(call.body));
    const headers: Record<string, string | number> = {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'Content-Length': payload.length,
      'X-ClearML-Trx': call.trx,
    };
    if (call.auth && 'bearer' in call.auth) headers.Authorization = `Bearer ${call.auth.bearer}`;
    if (call.auth && 'basic' in call.auth) {
      const { accessKey, secretKey } = call.auth.basic;
      headers.Authorization = `Basic ${Buffer.from(`${accessKey}:${secretKey}`).toString('base64')}`;
    }

    return new Promise<unknown>((resolve, reject) => {
      // A pooled socket keeps this call's listeners (and so these closures) until its next
      // request. Dropping the settle functions and the bytes once settled keeps them from
      // holding the answer alive that long: held across a young GC, it is copied and
      // promoted, and old-space garbage means longer and more frequent full GCs.
      let settle: { resolve: (v: unknown) => void; reject: (e: unknown) => void } | undefined = {
        resolve,
        reject,
      };
      const finish = (status: number, outcome: FailureKind | 'ok', value: unknown) => {
        const to = settle;
        if (!to) return;
        settle = undefined;
        clearTimeout(timer);
        call.signal?.removeEventListener('abort', onAbort);
        // One line per call at debug level only (the request's line sums them); failures warn.
        const line: Record<string, unknown> = {
          level: outcome === 'ok' ? 'debug' : 'warn',
          clearml_call: call.endpoint,
          trx: call.trx,
          status,
          ms: Math.round((options.now() - started) * 10) / 10,
        };
        if (outcome !== 'ok') line.outcome = outcome;
        options.log(line);
        if (outcome === 'ok') to.resolve(value);
        else to.reject(value);
      };
      const fail = (kind: FailureKind, status = 0, subcode = 0) =>
        finish(
          status,
          kind,
          new ClearmlCallFailure(kind, call.endpoint, call.trx, status, subcode),
        );

      let req: http.ClientRequest;
      try {
        req = request(`${base}/${call.endpoint}`, {
          method: 'POST',
          headers,
          agent: call.fresh ? freshAgent : agent,
        });
      } catch {
        fail('unreachable');
        return;
      }
      const timer = setTimeout(() => {
        fail('timeout');
        req.destroy();
      }, call.timeoutMs);
      const onAbort = () => {
        fail('aborted');
        req.destroy();
      };
      if (call.signal?.aborted) {
        onAbort();
        return;
      }
      call.signal?.addEventListener('abort', onAbort, { once: true });

      let answered = false;
      req.on('error', (err: NodeJS.ErrnoException) => {
        // A pooled socket that failed before any answer: the server had closed it while idle
        // (keep-alive race). post() goes again on a new connection, and nothing is counted
        // as a failure: a burst of these must not open the circuit breaker.
        const to = settle;
        if (req.reusedSocket && !answered && !call.fresh && to) {
          settle = undefined;
          clearTimeout(timer);
          call.signal?.removeEventListener('abort', onAbort);
          to.reject(new StaleSocket());
          return;
        }
        const sent =
          req.reusedSocket || (err.code !== undefined && !UNREACHABLE_CODES.has(err.code));
        fail(sent ? 'reset' : 'unreachable');
      });
      req.on('response', (res) => {
        answered = true;
        let chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) {
            fail('bad-answer', res.statusCode ?? 0);
            req.destroy();
            return;
          }
          chunks.push(chunk);
        });
        res.on('error', () => fail('reset', res.statusCode ?? 0));
        res.on('aborted', () => fail('reset', res.statusCode ?? 0));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          const text = Buffer.concat(chunks).toString('utf8');
          chunks = [];
          const envelope = parseEnvelope(text);
          if (!envelope) {
            fail('bad-answer', status);
            return;
          }
          const code = envelope.resultCode ?? status;
          if (code === 200 && status >= 200 && status < 300) {
            finish(status, 'ok', envelope.data ?? {});
            return;
          }
          fail('api', code === 200 ? status : code, envelope.subcode);
        });
      });
      req.end(payload);
    });
  }

  return {
    post,
    close: () => {
      agent.destroy();
      freshAgent.destroy();
    },
  };
}

/** Internal: the pooled socket was dead before the request reached ClearML. */
class StaleSocket extends Error {}

interface Envelope {
  resultCode?: number;
  subcode: number;
  data: unknown;
}

/** ClearML's `{meta, data}`; anything else (plain text, HTML, empty, other JSON) is undefined. */
function parseEnvelope(text: string): Envelope | undefined {
  if (text.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const meta = (parsed as { meta?: unknown }).meta;
  if (typeof meta !== 'object' || meta === null) return undefined;
  const m = meta as { result_code?: unknown; result_subcode?: unknown };
  return {
    resultCode: typeof m.result_code === 'number' ? m.result_code : undefined,
    subcode: typeof m.result_subcode === 'number' ? m.result_subcode : 0,
    data: (parsed as { data?: unknown }).data,
  };
}
