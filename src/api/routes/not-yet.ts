import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { type ApiEnv, requireGrant } from '../api-deps';
import { ApiProblem, problemResponses } from '../problem';
import { IjbParam, YearParams } from './register';

const security = [{ bearer: [] }];

/**
 * Routes the API promises but cannot answer yet: the board report (src/report/ is being
 * built) and paper imports. They answer 501 with a problem that says so, rather than 404.
 */
export function notYetRoutes(api: OpenAPIHono<ApiEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/ijbs/{ijb}/years/{year}/report',
      summary: 'The board report (not available yet)',
      security,
      request: {
        params: YearParams,
        query: z.object({
          round: z.string().max(50).optional(),
          format: z.enum(['csv', 'json', 'md', 'docx']).optional(),
        }),
      },
      responses: problemResponses(400, 401, 403, 429, 501),
    }),
    async (c) => {
      await requireGrant(c, 'read', c.req.valid('param').ijb);
      throw new ApiProblem(501, 'The board report is not available through the API yet.');
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/ijbs/{ijb}/imports',
      summary: 'Load a Directions paper (not available yet)',
      security,
      request: { params: IjbParam },
      responses: problemResponses(400, 401, 403, 429, 501),
    }),
    async (c) => {
      await requireGrant(c, 'admin', c.req.valid('param').ijb);
      throw new ApiProblem(
        501,
        'Loading papers through the API is not available yet: use /direction import in Slack or npm run import.',
      );
    },
  );
}
