// /ui: the panel's standalone build (packages/plugin, `pnpm build`). Client-side routes fall
// back to index.html; hashed assets are cached for a year, index.html never. A missing build
// is a clear 503 page, not a crash: the API works without the panel.
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import express, { Router, type Response } from 'express';
import type { RouteDeps } from './RouteDeps.js';

// Vite names built assets `name-<hash>.ext` (hash: 8+ url-safe characters).
const HASHED = /-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/i;

const MISSING_BUILD = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Panel not built</title></head>
<body><h1>The ClearML panel is not built yet</h1>
<p>Run <code>pnpm build</code> (or <code>pnpm start</code> from the repository root), then reload.
The REST API works without it: see <a href="../docs">/docs</a>.</p></body></html>
`;

function noCache(res: Response) {
  res.setHeader('Cache-Control', 'no-cache');
}

export function uiRoutes(deps: Pick<RouteDeps, 'config'>): Router {
  const dir = deps.config.uiDir;
  const index = join(dir, 'index.html');
  const router = Router();

  // Checked per request, so a build made after start-up is picked up without a restart.
  router.use('/ui', (_req, res, next) => {
    if (existsSync(index)) {
      next();
      return;
    }
    res.status(503).type('html').setHeader('Cache-Control', 'no-store');
    res.send(MISSING_BUILD);
  });
  router.get('/ui', (req, res, next) => {
    if (req.originalUrl.split('?')[0]!.endsWith('/')) {
      next();
      return;
    }
    // Relative asset URLs in index.html need the trailing slash.
    res.redirect(301, 'ui/');
  });
  router.use(
    '/ui',
    express.static(dir, {
      index: false,
      redirect: false,
      setHeaders: (res, path) => {
        if (HASHED.test(basename(path))) {
          res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        } else noCache(res);
      },
    }),
  );
  // SPA fallback: any /ui path without a file extension is a client-side route.
  router.get('/ui/{*rest}', (req, res, next) => {
    const path = req.path;
    if (/\.[A-Za-z0-9]+$/.test(basename(path))) {
      next();
      return;
    }
    noCache(res);
    res.sendFile(index, (err) => {
      if (err && !res.headersSent) next(err);
    });
  });
  return router;
}
