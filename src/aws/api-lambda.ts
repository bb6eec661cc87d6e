import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import type { createRegisterApi } from '../api/register-api';
import type { Observability } from './observability';
import { isLambdaContext } from './slack-lambda';

/** The parts of a Function URL event (payload format 2.0) the API reads. */
const FunctionUrlEventSchema = z.object({
  rawPath: z.string(),
  queryStringParameters: z.record(z.string(), z.string()).optional(),
  requestContext: z.object({ requestId: z.string().optional(), http: z.object({ method: z.string() }) }),
});

export interface HttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** The read-only API on a Function URL (IAM auth: Lambda has checked the caller before this runs). */
export function createApiLambdaHandler(
  api: ReturnType<typeof createRegisterApi>,
  { logger }: Pick<Observability, 'logger'>,
): (event: unknown, context: unknown) => Promise<HttpResult> {
  return async (event, context) => {
    if (isLambdaContext(context)) logger.addContext(context);
    const parsed = FunctionUrlEventSchema.safeParse(event);
    if (!parsed.success) return json(400, { error: 'Not an HTTP request' });
    const { rawPath, queryStringParameters, requestContext } = parsed.data;
    logger.setCorrelationId(requestContext.requestId ?? randomUUID());
    try {
      const response = await api({
        method: requestContext.http.method,
        path: rawPath,
        query: queryStringParameters ?? {},
      });
      logger.info('API request', { path: rawPath, status: response.status });
      return json(response.status, response.body);
    } catch (error) {
      logger.error('API request failed', error as Error);
      return json(500, {
        error: `The register could not be read; try again. Reference: ${logger.getCorrelationId()}`,
      });
    }
  };
}

function json(statusCode: number, body: unknown): HttpResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify(body),
  };
}
