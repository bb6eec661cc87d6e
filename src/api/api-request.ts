import * as z from 'zod';
import { DirectionRefSchema, DirectionStatusSchema, IjbIdSchema } from '../domain/direction';
import { PlanYearSchema } from '../domain/plan-year';

/** A request as the API sees it, whatever carried it (a Lambda Function URL on AWS). */
export interface ApiRequest {
  method: string;
  path: string;
  query: Record<string, string | undefined>;
}

export type ApiRoute =
  | { kind: 'ijbs' }
  | { kind: 'years'; ijb: string }
  | { kind: 'directions'; ijb: string; year: string; status?: z.infer<typeof DirectionStatusSchema> }
  | { kind: 'direction'; ijb: string; year: string; ref: string };

export class ApiRequestError extends Error {
  override name = 'ApiRequestError';
  constructor(
    readonly status: 400 | 404 | 405 | 503,
    message: string,
  ) {
    super(message);
  }
}

const DirectionsQuerySchema = z.strictObject({
  status: DirectionStatusSchema.optional(),
});
const NoQuerySchema = z.strictObject({});

/**
 * The routes, each path segment and query parameter validated, with a message that says what
 * to send instead:
 *   GET /ijbs
 *   GET /ijbs/{ijb}/years
 *   GET /ijbs/{ijb}/years/{year}/directions[?status=…]
 *   GET /ijbs/{ijb}/years/{year}/directions/{ref}
 */
export function routeOf(request: ApiRequest): ApiRoute {
  if (request.method !== 'GET') throw new ApiRequestError(405, 'This API only reads: use GET');
  const segments = request.path
    .split('/')
    .filter(Boolean)
    .map((segment) => decodeURIComponent(segment));
  const [root, ijb, years, year, directions, ref, ...rest] = segments;
  if (root !== 'ijbs' || rest.length > 0) throw notFound(request.path);
  if (ijb === undefined) return { kind: 'ijbs', ...check(NoQuerySchema, request.query, 'query') };
  const ijbId = check(IjbIdSchema, ijb, 'IJB');
  if (years !== 'years') throw notFound(request.path);
  if (year === undefined)
    return { kind: 'years', ijb: ijbId, ...check(NoQuerySchema, request.query, 'query') };
  const planYear = check(PlanYearSchema, year, 'plan year');
  if (directions !== 'directions') throw notFound(request.path);
  if (ref === undefined) {
    const query = check(DirectionsQuerySchema, request.query, 'query');
    return {
      kind: 'directions',
      ijb: ijbId,
      year: planYear,
      ...(query.status ? { status: query.status } : {}),
    };
  }
  check(NoQuerySchema, request.query, 'query');
  return { kind: 'direction', ijb: ijbId, year: planYear, ref: check(DirectionRefSchema, ref, 'ref') };
}

function check<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` ${issue.path.join('.')}` : '';
  throw new ApiRequestError(400, `Bad ${what}${where}: ${issue?.message ?? 'not valid'}`);
}

function notFound(path: string): ApiRequestError {
  return new ApiRequestError(
    404,
    `No such resource: ${path}. Try /ijbs, /ijbs/{ijb}/years, /ijbs/{ijb}/years/{year}/directions[/{ref}]`,
  );
}
