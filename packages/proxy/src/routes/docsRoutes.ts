// /docs: Swagger UI from the swagger-ui-dist package, served from this process (works offline,
// no CDN). All code runs from files, nothing inline, so a strict CSP holds. Asset URLs are
// relative, so the page also works behind a path prefix (CVAT serves us under /clearml-api).
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Router, type Response } from 'express';
import type { RouteDeps } from './RouteDeps.js';

const require = createRequire(import.meta.url);
const SWAGGER_DIR = dirname(require.resolve('swagger-ui-dist/swagger-ui-bundle.js'));
const ASSETS = [
  'swagger-ui.css',
  'swagger-ui-bundle.js',
  'favicon-16x16.png',
  'favicon-32x32.png',
] as const;

/** Used only when the security layer has not set a policy of its own. */
export const DOCS_CSP =
  "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

// BaseLayout: no top bar, so the page cannot be pointed at some other document.
// validatorUrl null: Swagger UI would otherwise send the spec to an online validator.
const INITIALIZER = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: 'openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    layout: 'BaseLayout',
    presets: [SwaggerUIBundle.presets.apis],
  });
});
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — API reference</title>
<link rel="stylesheet" href="docs/swagger-ui.css">
<link rel="icon" type="image/png" href="docs/favicon-32x32.png" sizes="32x32">
</head>
<body>
<div id="swagger-ui"></div>
<script src="docs/swagger-ui-bundle.js"></script>
<script src="docs/swagger-initializer.js"></script>
</body>
</html>
`;
}

function withCsp(res: Response) {
  if (!res.getHeader('Content-Security-Policy')) res.setHeader('Content-Security-Policy', DOCS_CSP);
}

export function docsRoutes(deps: Pick<RouteDeps, 'config'>): Router {
  const router = Router();
  const html = page(deps.config.appName);

  router.get('/docs', (req, res) => {
    // `/docs/` would resolve the relative asset URLs one level too deep.
    if (req.originalUrl.split('?')[0]!.endsWith('/')) {
      res.redirect(301, '../docs');
      return;
    }
    withCsp(res);
    res.type('html').setHeader('Cache-Control', 'no-cache');
    res.send(html);
  });
  router.get('/docs/swagger-initializer.js', (_req, res) => {
    res.type('application/javascript').setHeader('Cache-Control', 'no-cache');
    res.send(INITIALIZER);
  });
  for (const asset of ASSETS) {
    router.get(`/docs/${asset}`, (_req, res, next) => {
      // `root`: the pnpm store path has a dot-folder, which send() refuses in absolute paths.
      res.sendFile(asset, { root: SWAGGER_DIR, maxAge: '1d' }, (err) => {
        if (err && !res.headersSent) next(err);
      });
    });
  }
  return router;
}
