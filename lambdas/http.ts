import { createHttpLambdaHandler } from '../src/aws/http-lambda';
import { LambdaConfigError, loadLambdaEnv } from '../src/aws/lambda-config';
import { createLambdaJobQueue } from '../src/aws/lambda-job-queue';
import { createObservability } from '../src/aws/observability';
import { once } from '../src/aws/slack-secrets';
import { createDocumentClient } from '../src/store/dynamo-client';

// Built once per cold start: the table client, the app, the worker queue (its SDK client on first use).
const env = loadLambdaEnv();
const observability = createObservability('http', env.LOG_LEVEL);
const db = createDocumentClient({ region: env.AWS_REGION, endpoint: env.AWS_ENDPOINT_URL_DYNAMODB });
const lambdaClient = once(async () => {
  const { LambdaClient } = await import('@aws-sdk/client-lambda');
  return new LambdaClient({ region: env.AWS_REGION });
});
// Saved updates must reach Slack (status cards, sign-off requests): no worker, no start.
if (!env.WORKER_FUNCTION_NAME)
  throw new LambdaConfigError('Lambda environment is not valid: WORKER_FUNCTION_NAME is required');
const queue = createLambdaJobQueue({
  functionName: env.WORKER_FUNCTION_NAME,
  client: lambdaClient,
  correlationId: () => observability.logger.getCorrelationId() as string | undefined,
  clock: () => new Date(),
});

/** Function URL (auth NONE; API keys and share links checked in the app) → /api/v1, /api/docs, /. */
export const handler = createHttpLambdaHandler({ env, db, observability, queue });
