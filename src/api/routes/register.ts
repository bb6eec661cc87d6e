import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Scope } from '../../lookup/views';
import { type ApiEnv, type ApiServices, readAuthorized, requireGrant } from '../api-deps';
import { filterDirections, pageOf } from '../direction-filters';
import { ApiProblem, problemResponses } from '../problem';
import { directionOf } from '../representations';
import {
  DirectionPageSchema,
  DirectionResultSchema,
  IjbListSchema,
  ListQuerySchema,
  YearListSchema,
} from '../schemas';

// The domain's patterns (src/domain/direction.ts, plan-year.ts), declared with OpenAPI metadata.
export const IjbParam = z.object({
  ijb: z
    .string()
    .regex(/^[a-z][a-z0-9-]{2,40}$/, 'An IJB id is lower-case words joined by hyphens, like east-lothian')
    .openapi({ param: { name: 'ijb', in: 'path' }, example: 'midlothian' }),
});
export const YearParams = IjbParam.extend({
  year: z
    .string()
    .regex(/^\d{4}-\d{2}$/, 'A plan year looks like 2023-24')
    .openapi({ param: { name: 'year', in: 'path' }, example: '2023-24' }),
});
export const DirectionParams = YearParams.extend({
  ref: z
    .string()
    .regex(/^[A-Za-z]{0,3}\d{1,3}[A-Za-z]?(?:\.\d{1,3}[A-Za-z]?){0,3}$/, 'A ref looks like 5.1 or D15c')
    .openapi({ param: { name: 'ref', in: 'path' }, example: '5.1' }),
});

const security = [{ bearer: [] }];
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** The scope of a plan year, or 404 naming what is loaded. */
export async function yearScope(services: ApiServices, ijbId: string, planYear: string): Promise<Scope> {
  const result = await services.lookup.scope({ ijbId, planYear });
  if (!result.ok) throw new ApiProblem(404, result.problem);
  return result.scope;
}

export function registerRoutes(api: OpenAPIHono<ApiEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/ijbs',
      summary: 'The IJBs in the register (those the key may read)',
      security,
      responses: { 200: json(IjbListSchema, 'IJBs'), ...problemResponses(401, 429) },
    }),
    async (c) => {
      const grant = await requireGrant(c, 'read');
      const ijbs = await c.get('services').deps.store.listIjbs();
      return c.json(
        {
          ijbs: ijbs
            .filter((ijb) => grant.ijb === '*' || grant.ijb === ijb.id)
            .map(({ id, name, shortName, latestPlanYear }) => ({
              id,
              name,
              shortName,
              ...(latestPlanYear ? { latestPlanYear } : {}),
            })),
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/ijbs/{ijb}/years',
      summary: 'The plan years loaded for an IJB',
      security,
      request: { params: IjbParam },
      responses: { 200: json(YearListSchema, 'Plan years'), ...problemResponses(400, 401, 403, 404, 429) },
    }),
    async (c) => {
      const { ijb } = c.req.valid('param');
      await requireGrant(c, 'read', ijb);
      const { store } = c.get('services').deps;
      if (!(await store.getIjb(ijb))) throw new ApiProblem(404, `No IJB ${ijb}. GET /ijbs lists them.`);
      const years = await store.listPlanYears(ijb);
      return c.json(
        {
          ijb,
          years: years.map(({ planYear, title, source, loadedAt, directionCount }) => ({
            planYear,
            title,
            source,
            loadedAt,
            directionCount,
          })),
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/ijbs/{ijb}/years/{year}/directions',
      summary: 'A plan year’s directions, filtered and paged',
      security,
      request: { params: YearParams, query: ListQuerySchema },
      responses: {
        200: json(DirectionPageSchema, 'A page of directions'),
        ...problemResponses(400, 401, 403, 404, 429),
      },
    }),
    async (c) => {
      const { ijb, year } = c.req.valid('param');
      const query = c.req.valid('query');
      const services = c.get('services');
      const { scope, views } = await readAuthorized(c, ijb, async () => {
        const scope = await yearScope(services, ijb, year);
        return { scope, views: await services.lookup.list(scope) };
      });
      const matching = filterDirections(views, query);
      const { page, next } = pageOf(matching, query);
      return c.json(
        {
          today: scope.today,
          ijb,
          planYear: scope.planYear,
          total: matching.length,
          directions: page.map((view) => directionOf(view, scope)),
          ...(next ? { next } : {}),
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/ijbs/{ijb}/years/{year}/directions/{ref}',
      summary: 'One direction: what is asked, of whom, by when, how it stands',
      security,
      request: { params: DirectionParams },
      responses: {
        200: json(DirectionResultSchema, 'The direction'),
        ...problemResponses(400, 401, 403, 404, 429),
      },
    }),
    async (c) => {
      const { ijb, year, ref } = c.req.valid('param');
      const services = c.get('services');
      const { scope, shown } = await readAuthorized(c, ijb, async () => {
        const scope = await yearScope(services, ijb, year);
        return { scope, shown: await services.lookup.show(scope, ref) };
      });
      if (shown.kind === 'missing') {
        const near = shown.suggestions.length > 0 ? ` Did you mean ${shown.suggestions.join(', ')}?` : '';
        throw new ApiProblem(404, `No direction ${ref} in ${scope.ijb.shortName} ${scope.planYear}.${near}`);
      }
      return c.json({ today: scope.today, direction: directionOf(shown.view, scope) }, 200);
    },
  );
}
