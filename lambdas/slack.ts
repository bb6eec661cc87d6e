import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { loadLambdaEnv, requireSlackCredentials } from '../src/aws/lambda-config';
import { createLambdaJobQueue } from '../src/aws/lambda-job-queue';
import { createObservability } from '../src/aws/observability';
import { createSlackLambdaHandler, type LambdaHandler } from '../src/aws/slack-lambda';
import { loadSlackSecrets, once } from '../src/aws/slack-secrets';
import { createDocumentClient } from '../src/store/dynamo-client';

// Built once per cold start, reused by every invocation of this instance. No network call
// here but the secret read: the bot ids come with it, so Bolt never calls auth.test.
const env = requireSlackCredentials(loadLambdaEnv());
const observability = createObservability('slack', env.LOG_LEVEL);
const db = createDocumentClient({ region: env.AWS_REGION, endpoint: env.AWS_ENDPOINT_URL_DYNAMODB });
const workerName = env.WORKER_FUNCTION_NAME;
// Loaded on the first deferred job, not at cold start: most requests defer nothing.
const lambdaClient = once(async () => {
  const { LambdaClient } = await import('@aws-sdk/client-lambda');
  return new LambdaClient({ region: env.AWS_REGION });
});
let secretsClient: SecretsManagerClient | undefined;
const secretsManager = () => {
  secretsClient ??= new SecretsManagerClient({ region: env.AWS_REGION });
  return secretsClient;
};
// The share-link key is the HTTP function's: read here too, so /direction share web signs links it accepts.
const shareSecret = async (arn: string) => {
  const { SecretString } = await secretsManager().send(new GetSecretValueCommand({ SecretId: arn }));
  if (!SecretString) throw new Error('The share-link secret is empty');
  return SecretString;
};
const ready = once(async () => {
  const [secrets, web] = await Promise.all([
    loadSlackSecrets(env, secretsManager),
    env.SHARE_SECRET_ARN && env.PUBLIC_URL
      ? shareSecret(env.SHARE_SECRET_ARN).then((secret) => ({
          shareSecret: secret,
          publicUrl: env.PUBLIC_URL as string,
        }))
      : undefined,
  ]);
  return createSlackLambdaHandler({
    env,
    secrets,
    db,
    observability,
    ...(web ? { web } : {}),
    ...(workerName
      ? {
          queue: createLambdaJobQueue({
            functionName: workerName,
            client: lambdaClient,
            correlationId: () => observability.logger.getCorrelationId() as string | undefined,
            clock: () => new Date(),
          }),
        }
      : {}),
  });
});
ready().catch((error: unknown) => observability.logger.error('Cold start failed', error as Error));

/** Slack → Function URL → here. Two arguments, promise-based (Bolt 5; Node 24 runtimes reject callbacks). */
export const handler = async (event: Parameters<LambdaHandler>[0], context: unknown) =>
  (await ready())(event, context);
