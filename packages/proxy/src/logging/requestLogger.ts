// Gives each request an id (echoed as X-Request-Id, passed to ClearML as the trx prefix) and
// writes ONE line when the answer is finished. Request headers are never logged; the caller's
// Authorization and Cookie values are handed to the logger as secrets, so a value that leaks
// into any later line (an upstream error text, say) is still redacted.
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Caller } from '../auth/types.js';
import type { CallTally } from './createCallTally.js';
import type { Logger } from './createLogger.js';

const SAFE_ID = /^[A-Za-z0-9._:-]{8,64}$/;

function cookieValues(header: string): string[] {
  return header
    .split(';')
    .map((part) => part.slice(part.indexOf('=') + 1).trim())
    .filter(Boolean);
}

/** `tally`, when given, adds the request's ClearML calls (count and total ms) to its line. */
export function requestLogger(logger: Logger, tally?: CallTally): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const incoming = req.get('x-request-id');
    const requestId = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    tally?.open(requestId);

    logger.addSecret(req.get('authorization'));
    const cookie = req.get('cookie');
    if (cookie) {
      logger.addSecret(cookie);
      for (const value of cookieValues(cookie)) logger.addSecret(value);
    }

    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      const caller = res.locals.caller as Caller | undefined;
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const status = res.writableFinished ? res.statusCode : 499;
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      const calls = tally?.close(requestId);
      logger.line({
        level,
        msg: 'request',
        method: req.method,
        // originalUrl without its query string: filters and search text stay out of the logs.
        path: req.originalUrl.split('?')[0],
        status,
        duration_ms: Math.round(durationMs * 100) / 100,
        request_id: requestId,
        trx: `${requestId}-*`,
        user: caller?.username ?? null,
        ...(calls ? { clearml_calls: calls.calls, clearml_ms: calls.ms } : {}),
      });
    };
    res.on('finish', write);
    res.on('close', write);
    next();
  };
}
