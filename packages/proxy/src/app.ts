// Builds the Express app from its dependencies. The order of the middleware is the design:
// request id + log line → security headers/CORS → compression → public routes → caller
// authentication → rate limit → JSON body (64 KiB) → CSRF → API routes → 404 → problems.
import compression from 'compression';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import type { Security } from './auth/types.js';
import type { ClearmlService } from './clearml/types.js';
import type { Config } from './config/index.js';
import { HttpError, InputError, NotFoundError, problemMiddleware } from './errors/index.js';
import { requestLogger, type CallTally, type Logger } from './logging/index.js';
import { createRequestValidator, loadOpenApi, type OpenApiDoc } from './openapi/index.js';
import { docsRoutes } from './routes/docsRoutes.js';
import { modelRoutes } from './routes/modelRoutes.js';
import { projectRoutes } from './routes/projectRoutes.js';
import type { RouteDeps } from './routes/RouteDeps.js';
import { serviceRoutes } from './routes/serviceRoutes.js';
import { sessionRoutes } from './routes/sessionRoutes.js';
import { taskRoutes } from './routes/taskRoutes.js';
import { uiRoutes } from './routes/uiRoutes.js';

export const BODY_LIMIT = '64kb';
/** Bodies smaller than this are sent as they are: compressing them costs more than it saves. */
export const COMPRESSION_THRESHOLD = 1024;

export interface AppDeps {
  config: Config;
  logger: Logger;
  service: ClearmlService;
  security: Security;
  /** The proxy's own version, shown by GET /. */
  version: string;
  /** The contract; read from openapi.yaml when not given. */
  openapi?: OpenApiDoc;
  /** ClearML calls per request, for the request's log line (see createCallTally). */
  callTally?: CallTally;
  /** Mounted right after the request log: refuses requests while shutting down. */
  shutdownGate?: RequestHandler;
}

/**
 * Express's own errors, as named errors: the router throws URIError for a path parameter that
 * is not valid %-encoding; file serving (send) fails with http-errors such as 404.
 */
const expressErrors: ErrorRequestHandler = (err, req, _res, next) => {
  const status = (err as { status?: unknown }).status;
  if (status === 404 && !(err instanceof HttpError)) {
    next(new NotFoundError(`Not found: ${req.path.slice(0, 200)}`));
    return;
  }
  if (err instanceof URIError) {
    next(
      new InputError('The path is not valid URL encoding', [
        { in: 'path', name: 'path', message: 'is not valid URL encoding' },
      ]),
    );
    return;
  }
  next(err);
};

export function createApp(deps: AppDeps): Express {
  const openapi = deps.openapi ?? loadOpenApi();
  const routeDeps: RouteDeps = {
    config: deps.config,
    logger: deps.logger,
    service: deps.service,
    security: deps.security,
    validator: createRequestValidator(openapi),
    openapi,
    version: deps.version,
  };

  const app = express();
  app.disable('x-powered-by');
  // Flat query parsing: `a[b]=1` stays a key named `a[b]` (refused as unknown), no nesting.
  app.set('query parser', 'simple');

  app.use(requestLogger(deps.logger, deps.callTally));
  if (deps.shutdownGate) app.use(deps.shutdownGate);
  for (const handler of deps.security.headers) app.use(handler);
  app.use(compression({ threshold: COMPRESSION_THRESHOLD }));

  app.use(serviceRoutes(routeDeps));
  app.use(docsRoutes(routeDeps));
  app.use(uiRoutes(routeDeps));

  app.use(deps.security.authenticate);
  app.use(deps.security.rateLimit);
  app.use(express.json({ limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] }));
  app.use(deps.security.csrf);

  app.use(sessionRoutes(routeDeps));
  app.use(projectRoutes(routeDeps));
  app.use(taskRoutes(routeDeps));
  app.use(modelRoutes(routeDeps));

  app.use((req, _res, next) => {
    next(new NotFoundError(`No route for ${req.method} ${req.path.slice(0, 200)}`));
  });
  app.use(expressErrors);
  app.use(problemMiddleware((err) => deps.logger.error('unexpected error', { err })));
  return app;
}
