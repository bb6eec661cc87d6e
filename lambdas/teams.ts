import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { loadLambdaEnv } from '../src/aws/lambda-config';
import { createLambdaJobQueue } from '../src/aws/lambda-job-queue';
import { createObservability } from '../src/aws/observability';
import { once } from '../src/aws/slack-secrets';
import { createTeamsLambdaHandler, type FunctionUrlEvent, loadTeamsSecret } from '../src/aws/teams-lambda';
import { createDocumentClient } from '../src/store/dynamo-client';

// Built once per cold start: the environment, the Teams secret, the product.
const env = loadLambdaEnv();
const observability = createObservability('teams', env.LOG_LEVEL);
const db = createDocumentClient({ region: env.AWS_REGION, endpoint: env.AWS_ENDPOINT_URL_DYNAMODB });
const lambdaClient = once(async () => {
  const { LambdaClient } = await import('@aws-sdk/client-lambda');
  return new LambdaClient({ region: env.AWS_REGION });
});
const ready = once(async () =>
  createTeamsLambdaHandler({
    env,
    secret: await loadTeamsSecret(env, () => new SecretsManagerClient({ region: env.AWS_REGION })),
    db,
    queue: createLambdaJobQueue({
      functionName: env.WORKER_FUNCTION_NAME ?? '',
      client: lambdaClient,
      correlationId: () => observability.logger.getCorrelationId() as string | undefined,
      clock: () => new Date(),
    }),
  }),
);
ready().catch((error: unknown) => observability.logger.error('Cold start failed', error as Error));

/** Teams (Bot Connector) → Function URL → here. */
export const handler = async (event: FunctionUrlEvent) => (await ready())(event);
