import type { Security } from '../auth/types.js';
import type { ClearmlService } from '../clearml/types.js';
import type { Config } from '../config/index.js';
import type { Logger } from '../logging/index.js';
import type { OpenApiDoc, RequestValidator } from '../openapi/index.js';

/** Everything a route needs, passed in: no route reaches for a module-level singleton. */
export interface RouteDeps {
  config: Config;
  logger: Logger;
  service: ClearmlService;
  security: Security;
  validator: RequestValidator;
  openapi: OpenApiDoc;
  /** The proxy's own version (package.json). */
  version: string;
}

export const modeOf = (config: Config): 'demo' | 'clearml' => (config.demo ? 'demo' : 'clearml');
