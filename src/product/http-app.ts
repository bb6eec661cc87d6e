import { Hono } from 'hono';
import { type ApiDeps, buildApiServices } from '../api/api-deps';
import { API_DOCUMENT, createApiApp } from '../api/app';
import { docsPage } from '../api/docs-page';
import { createImportStore } from '../store/import-store';
import { createReviewStore } from '../store/review-store';
import { createShareLinkStore } from '../store/share-link-store';
import { createWebApp } from '../web/app';
import { createRoundReturns } from '../web/review-returns';
import { createShareLinks } from '../web/share-links';

export interface HttpDeps extends ApiDeps {
  /** The HMAC key of share links: SHARE_LINK_SECRET locally, Secrets Manager on AWS. */
  shareSecret: string;
}

/**
 * Everything the product answers over plain HTTP, beside Slack's endpoint: the API at
 * /api/v1, its docs at /api/docs, and the web register at /. One Hono app, served by the
 * local server (`npm start`) and by the HTTP Lambda alike.
 */
export function createHttpApp(deps: HttpDeps): Hono {
  const app = new Hono();
  const services = buildApiServices(deps);
  const api = createApiApp(deps, services);
  app.route('/api/v1', api);
  let docs: string | undefined;
  app.get('/api/docs', (c) => {
    docs ??= docsPage(api.getOpenAPI31Document(API_DOCUMENT) as Parameters<typeof docsPage>[0]);
    return c.html(docs);
  });
  const reviews = createReviewStore(deps.db, deps.tableName);
  app.route(
    '/',
    createWebApp({
      report: {
        sources: { getIjb: deps.store.getIjb, readYear: createImportStore(deps.db, deps.tableName).readYear },
        rounds: reviews,
        clock: deps.clock,
      },
      returns: createRoundReturns({ store: deps.store, reviews, clock: deps.clock }),
      lookup: services.lookup,
      updates: services.updates,
      keys: services.keys,
      shareLinks: createShareLinks({
        secret: deps.shareSecret,
        links: createShareLinkStore(deps.db, deps.tableName),
        clock: deps.clock,
      }),
    }),
  );
  return app;
}
