import { setupServer } from 'msw/node';

/** The msw server every component test shares; handlers are added per test with server.use(). */
export const server = setupServer();

/** Where the test API client points; msw handlers match it. */
export const API = 'http://proxy.test';
