import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createHttpLambdaHandler } from '../src/aws/http-lambda';
import { LambdaConfigError, loadLambdaEnv } from '../src/aws/lambda-config';
import { createLambdaJobQueue } from '../src/aws/lambda-job-queue';
import { createObservability } from '../src/aws/observability';
import { once } from '../src/aws/slack-secrets';
import { createDocumentClient } from '../src/store/dynamo-client';

// Built once per cold start: the table client, the share-link key, the app, the worker queue.
const env = loadLambdaEnv();
const observability = createObservability('http', env.LOG_LEVEL);
const db = createDocumentClient({ region: env.AWS_REGION, endpoint: env.AWS_ENDPOINT_URL_DYNAMODB });
// Saved updates must reach Slack (status cards, sign-off requests): no worker, no start.
const { WORKER_FUNCTION_NAME: workerName, SHARE_SECRET_ARN: shareSecretArn } = env;
if (!workerName || !shareSecretArn) {
  throw new LambdaConfigError(
    'Lambda environment is not valid: WORKER_FUNCTION_NAME and SHARE_SECRET_ARN are required',
  );
}
const lambdaClient = once(async () => {
  const { LambdaClient } = await import('@aws-sdk/client-lambda');
  return new LambdaClient({ region: env.AWS_REGION });
});
const ready = once(async () => {
  const secret = await new SecretsManagerClient({ region: env.AWS_REGION }).send(
    new GetSecretValueCommand({ SecretId: shareSecretArn }),
  );
  if (!secret.SecretString) throw new LambdaConfigError('The share-link secret is empty');
  return createHttpLambdaHandler({
    env,
    db,
    observability,
    shareSecret: secret.SecretString,
    queue: createLambdaJobQueue({
      functionName: workerName,
      client: lambdaClient,
      correlationId: () => observability.logger.getCorrelationId() as string | undefined,
      clock: () => new Date(),
    }),
  });
});

type Handler = Awaited<ReturnType<typeof ready>>;

/** Function URL (auth NONE; API keys and share links checked in the app) → /api/v1, /api/docs, /. */
export const handler = async (event: Parameters<Handler>[0], context: Parameters<Handler>[1]) =>
  (await ready())(event, context);
