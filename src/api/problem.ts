import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';

/** RFC 9457 problem details: what every error of the API answers with. */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'about:blank' }),
    title: z.string().openapi({ example: 'Forbidden' }),
    status: z.number().int().min(400).max(599),
    detail: z.string().openapi({ example: 'The key “Power BI” has scope read; this needs write.' }),
    instance: z.string().optional(),
    /** Per field, what to change (validation problems). */
    errors: z.record(z.string(), z.string()).optional(),
  })
  .openapi('Problem');
export type Problem = z.infer<typeof ProblemSchema>;

export const PROBLEM_TITLES = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
} as const;
export type ProblemStatus = keyof typeof PROBLEM_TITLES;

/** An error a handler throws to answer with a problem; the app's error handler renders it. */
export class ApiProblem extends Error {
  override name = 'ApiProblem';
  constructor(
    readonly status: ProblemStatus,
    readonly detail: string,
    readonly extra: { errors?: Record<string, string>; headers?: Record<string, string> } = {},
  ) {
    super(detail);
  }
}

export function problemResponse(c: Context, problem: ApiProblem): Response {
  const body: Problem = {
    type: 'about:blank',
    title: PROBLEM_TITLES[problem.status],
    status: problem.status,
    detail: problem.detail,
    instance: new URL(c.req.url).pathname,
    ...(problem.extra.errors ? { errors: problem.extra.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status: problem.status,
    headers: {
      'content-type': 'application/problem+json',
      'cache-control': 'no-store',
      ...problem.extra.headers,
    },
  });
}

/** The OpenAPI responses for the given error statuses, each a Problem. */
export function problemResponses<S extends ProblemStatus>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: PROBLEM_TITLES[status],
        content: { 'application/problem+json': { schema: ProblemSchema } },
        ...(status === 429
          ? {
              headers: {
                'Retry-After': { schema: { type: 'integer' as const }, description: 'Seconds to wait' },
              },
            }
          : {}),
      },
    ]),
  ) as unknown as Record<
    S,
    { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } }
  >;
}
