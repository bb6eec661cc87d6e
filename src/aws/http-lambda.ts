import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { handle } from 'hono/aws-lambda';
import { createHttpApp } from '../product/http-app';
import { createDynamoRegisterStore } from '../store/dynamo-register-store';
import type { JobQueue } from '../work/job-queue';
import type { LambdaEnv } from './lambda-config';
import type { Observability } from './observability';

/**
 * The API and the web register on a Function URL (auth NONE: every API request carries an
 * API key the app checks, every web page a signed share link). The same Hono app as
 * `npm start`'s; jobs the update service defers go to the worker function.
 */
export function createHttpLambdaHandler(input: {
  env: LambdaEnv;
  db: DynamoDBDocumentClient;
  observability: Observability;
  queue: JobQueue;
  shareSecret: string;
  rateLimit?: number;
}) {
  const { env, db, observability } = input;
  const { logger } = observability;
  const app = createHttpApp({
    store: createDynamoRegisterStore(db, env.TABLE_NAME),
    db,
    tableName: env.TABLE_NAME,
    clock: () => new Date(),
    queue: input.queue,
    metrics: observability.productMetrics,
    log: (message, error) => logger.error(message, ...(error ? [error as Error] : [])),
    defaultIjbId: env.DIRECTIONS_IJB,
    shareSecret: input.shareSecret,
    ...(input.rateLimit ? { rateLimit: { limit: input.rateLimit, windowSeconds: 60 } } : {}),
  });
  const handler = handle(app);
  return async (event: Parameters<typeof handler>[0], context: Parameters<typeof handler>[1]) => {
    logger.setCorrelationId(
      (event as { requestContext?: { requestId?: string } }).requestContext?.requestId ?? randomUUID(),
    );
    const result = await handler(event, context);
    // Never the Authorization header or the body: only what was asked and how it went.
    logger.info('HTTP request', {
      path: (event as { rawPath?: string }).rawPath,
      status: (result as { statusCode?: number }).statusCode,
    });
    return result;
  };
}
