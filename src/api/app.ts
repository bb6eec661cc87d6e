import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { type ApiDeps, type ApiEnv, type ApiServices, buildApiServices } from './api-deps';
import { ApiProblem, problemResponse } from './problem';
import { changeRoutes } from './routes/changes';
import { IMPORTS_PATH, importRoutes } from './routes/imports';
import { registerRoutes } from './routes/register';
import { reportRoutes } from './routes/report';
import { updateRoutes } from './routes/updates';

export const MAX_BODY_BYTES = 64 * 1024;
export const OPENAPI_PATH = '/openapi.json';

export const API_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'IJB Directions API',
    version: '1.0.0',
    description:
      'The register of an Integration Joint Board’s Directions: read it, page through it, report progress.',
  },
  servers: [{ url: '/api/v1' }],
};

/**
 * The register's HTTP API, /api/v1: the routes, their zod schemas and the OpenAPI 3.1
 * document are one thing (@hono/zod-openapi). Every error is an RFC 9457 problem.
 */
export function createApiApp(
  deps: ApiDeps,
  services: ApiServices = buildApiServices(deps),
): OpenAPIHono<ApiEnv> {
  const api = new OpenAPIHono<ApiEnv>({
    defaultHook: async (result, c) => {
      if (result.success) return;
      // A bad key is the first thing to fix: 401 (or 429) before any 400 about the request.
      const auth = await c.get('auth');
      if (!auth.ok) {
        throw new ApiProblem(
          auth.status,
          auth.detail,
          auth.retryAfter ? { headers: { 'retry-after': String(auth.retryAfter) } } : {},
        );
      }
      const issue = result.error.issues[0];
      const where = issue?.path.join('.') || result.target;
      const errors = Object.fromEntries(
        result.error.issues.map((i) => [i.path.join('.') || result.target, i.message]),
      );
      // A body that is the wrong shape is content the API cannot process; a bad path, query or header is a bad request.
      throw new ApiProblem(
        result.target === 'json' ? 422 : 400,
        `${where}: ${issue?.message ?? 'not valid'}`,
        {
          errors,
        },
      );
    },
  });

  api.onError((error, c) => {
    if (error instanceof ApiProblem) return problemResponse(c, error);
    if ((error as Error).name === 'SyntaxError' || /Malformed JSON/i.test((error as Error).message)) {
      return problemResponse(c, new ApiProblem(400, 'The body is not valid JSON.'));
    }
    deps.log(`API ${c.req.method} ${new URL(c.req.url).pathname} failed`, error);
    return problemResponse(c, new ApiProblem(500, 'The register could not answer just now; try again.'));
  });
  api.notFound((c) =>
    problemResponse(
      c,
      new ApiProblem(
        404,
        `No such resource: ${c.req.method} ${new URL(c.req.url).pathname}. See ${'/api/v1'}${OPENAPI_PATH}.`,
      ),
    ),
  );

  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key from `npm run apikey -- create`',
  });
  api.doc31(OPENAPI_PATH, API_DOCUMENT);

  api.use('*', async (c, next) => {
    c.set('services', services);
    if (new URL(c.req.url).pathname.endsWith(OPENAPI_PATH)) return next();
    const auth = services.keys.authenticate(c.req.header('authorization'));
    auth.catch(() => {}); // awaited by the route; never an unhandled rejection meanwhile
    c.set('auth', auth);
    await next();
    await auth; // every request is counted, even one refused before its route ran
  });
  const generalLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new ApiProblem(
        413,
        `The body is over ${MAX_BODY_BYTES / 1024} KB; send a shorter update (link long reports as evidence).`,
      );
    },
  });
  // A paper has its own, larger limit (routes/imports.ts); every other body is an update's size.
  api.use('*', (c, next) =>
    IMPORTS_PATH.test(new URL(c.req.url).pathname) ? next() : generalLimit(c, next),
  );

  registerRoutes(api);
  updateRoutes(api);
  changeRoutes(api);
  reportRoutes(api);
  importRoutes(api);
  return api;
}
