import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { buildBoardReport, type ReportDeps, ReportError } from '../../report';
import { createImportStore } from '../../store/import-store';
import { createReviewStore } from '../../store/review-store';
import { type ApiEnv, type ApiServices, readAuthorized } from '../api-deps';
import { ApiProblem, problemResponses } from '../problem';
import { YearParams, yearScope } from './register';

const security = [{ bearer: [] }];

const Text = (format: string) => z.string().openapi({ description: format });
const ReportJsonSchema = z
  .object({
    ijb: z.object({ id: z.string(), name: z.string(), shortName: z.string() }).passthrough(),
    planYear: z.string(),
    basis: z.object({ kind: z.enum(['register', 'round']) }).passthrough(),
    generatedOn: z.string(),
    summary: z.object({ directions: z.number().int() }).passthrough(),
    rows: z.array(z.record(z.string(), z.unknown())),
  })
  .openapi('BoardReport');

export const ReportQuerySchema = z.object({
  round: z.string().trim().min(1).max(100).optional().openapi({
    description: 'A review round by name (its snapshot once closed); the register today when absent',
  }),
  format: z.enum(['csv', 'json', 'md', 'docx']).default('docx'),
});

// The report's readers, per API instance: plain store functions over the same table.
const sourcesOf = new WeakMap<ApiServices, ReportDeps>();
function reportDeps(services: ApiServices): ReportDeps {
  let deps = sourcesOf.get(services);
  if (!deps) {
    const { store, db, tableName, clock } = services.deps;
    deps = {
      sources: { getIjb: store.getIjb, readYear: createImportStore(db, tableName).readYear },
      rounds: createReviewStore(db, tableName),
      clock,
    };
    sourcesOf.set(services, deps);
  }
  return deps;
}

/**
 * The board paper of a year, as `/direction report` and `npm run report` build it (src/report):
 * the register as it stands, or a review round's. Downloaded as a file: Content-Disposition
 * names it as the other surfaces do.
 */
export function reportRoutes(api: OpenAPIHono<ApiEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/ijbs/{ijb}/years/{year}/report',
      summary: 'The board report of a plan year (Word, CSV, Markdown or JSON)',
      security,
      request: { params: YearParams, query: ReportQuerySchema },
      responses: {
        200: {
          description: 'The report, as an attachment',
          headers: {
            'Content-Disposition': {
              schema: { type: 'string' },
              description: 'attachment; filename="<ijb>-directions-<year>-outcomes-<day or round>.<format>"',
            },
          },
          content: {
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
              schema: Text('A Word document').openapi({ format: 'binary' }),
            },
            'text/csv': { schema: Text('RFC 4180 with a BOM, one row per direction') },
            'text/markdown': { schema: Text('The report as Markdown') },
            'application/json': { schema: ReportJsonSchema },
          },
        },
        ...problemResponses(400, 401, 403, 404, 429),
      },
    }),
    async (c) => {
      const { ijb, year } = c.req.valid('param');
      const { round, format } = c.req.valid('query');
      const services = c.get('services');
      const file = await readAuthorized(c, ijb, async () => {
        // A year not loaded, or part-way through an import, is 404 as for the other reads.
        const scope = await yearScope(services, ijb, year);
        try {
          return await buildBoardReport(reportDeps(services), {
            ijb,
            year: scope.planYear,
            format,
            ...(round ? { round } : {}),
          });
        } catch (error) {
          // The report's refusals all say something is not there: no such IJB, year or round.
          if (error instanceof ReportError) throw new ApiProblem(404, error.message);
          throw error;
        }
      });
      return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.filename}"`,
        'cache-control': 'private, no-store',
      });
    },
  );
}
