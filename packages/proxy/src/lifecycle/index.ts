export {
  createGracefulShutdown,
  type GracefulShutdown,
  type GracefulShutdownOptions,
} from './createGracefulShutdown.js';
