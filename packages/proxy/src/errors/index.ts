export * from './errors.js';
export {
  problemMiddleware,
  sendProblem,
  PROBLEM_CONTENT_TYPE,
  type ProblemBody,
} from './problemMiddleware.js';
