import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServer } from './createAppServer.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('createAppServer', () => {
  it("makes requests and responses with the app's own prototypes, and Express serves on it", async () => {
    const app = express();
    app.get('/x/:id', (req, res) => {
      res.status(201).json({ id: req.params.id, query: req.query.q, path: req.path });
    });
    const { server, serve } = createAppServer();
    const seen: boolean[] = [];
    // Runs before Express (registered first): sees the objects as Node made them.
    server.on('request', (req, res) => {
      seen.push(Object.getPrototypeOf(req) === app.request);
      seen.push(Object.getPrototypeOf(res) === app.response);
    });
    serve(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    close = () => new Promise((resolve) => server.close(() => resolve()));
    const { port } = server.address() as AddressInfo;

    const res = await fetch(`http://127.0.0.1:${port}/x/42?q=cats`);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: '42', query: 'cats', path: '/x/42' });
    expect(seen).toEqual([true, true]);
  });
});
