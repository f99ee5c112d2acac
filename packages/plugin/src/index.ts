export * from './panel/index';
