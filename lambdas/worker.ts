import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { loadLambdaEnv, requireSlackCredentials } from '../src/aws/lambda-config';
import { createObservability } from '../src/aws/observability';
import { loadSlackSecrets, once } from '../src/aws/slack-secrets';
import { createWorkerHandler } from '../src/aws/worker';
import { createDocumentClient } from '../src/store/dynamo-client';

// Built once per cold start. Jobs post to Slack and write to the table: give them time.
const env = requireSlackCredentials(loadLambdaEnv());
const observability = createObservability('worker', env.LOG_LEVEL);
const db = createDocumentClient({
  region: env.AWS_REGION,
  endpoint: env.AWS_ENDPOINT_URL_DYNAMODB,
  requestTimeoutMs: 5_000,
});
const ready = once(async () =>
  createWorkerHandler({
    env,
    secrets: await loadSlackSecrets(env, () => new SecretsManagerClient({ region: env.AWS_REGION })),
    db,
    observability,
  }),
);

/** Invoked asynchronously by the Slack function, one job per invocation (src/aws/lambda-job-queue.ts). */
export const handler = async (event: unknown, context: unknown) => (await ready())(event, context);
