import { Hono } from 'hono';
import type { ApiDeps } from '../api/api-deps';
import { API_DOCUMENT, createApiApp } from '../api/app';
import { docsPage } from '../api/docs-page';

export type HttpDeps = ApiDeps;

/**
 * Everything the product answers over plain HTTP, beside Slack's endpoint: the API at
 * /api/v1, its docs at /api/docs, and the web register at /. One Hono app, served by the
 * local server (`npm start`) and by the API Lambda alike.
 */
export function createHttpApp(deps: HttpDeps): Hono {
  const app = new Hono();
  const api = createApiApp(deps);
  app.route('/api/v1', api);
  let docs: string | undefined;
  app.get('/api/docs', (c) => {
    docs ??= docsPage(api.getOpenAPI31Document(API_DOCUMENT) as Parameters<typeof docsPage>[0]);
    return c.html(docs);
  });
  return app;
}
