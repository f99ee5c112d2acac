export {
  createLogger,
  type LogLevel,
  type LogLine,
  type Logger,
  type LoggerOptions,
} from './createLogger.js';
export { createCallTally, type CallTally } from './createCallTally.js';
export { REDACTED } from './createSecretIndex.js';
export { redactCredentialShapes } from './redactSecrets.js';
export { requestLogger } from './requestLogger.js';
