import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { loadLambdaEnv, requireSlackCredentials } from '../src/aws/lambda-config';
import { createObservability } from '../src/aws/observability';
import { loadSlackSecrets, once } from '../src/aws/slack-secrets';
import { loadTeamsSecret } from '../src/aws/teams-lambda';
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
const secrets = () => new SecretsManagerClient({ region: env.AWS_REGION });
const ready = once(async () =>
  createWorkerHandler({
    env,
    secrets: await loadSlackSecrets(env, secrets),
    db,
    observability,
    // Notes to Teams users when the stack has a Teams app; a secret not filled in yet leaves
    // them logged unsent, and Slack's jobs still run.
    teamsSecret: env.TEAMS_APP_ID
      ? await loadTeamsSecret(env, secrets).catch((error: unknown) => {
          console.warn('worker: notes to Teams users off, the Teams secret did not load:', String(error));
          return undefined;
        })
      : undefined,
  }),
);

/** Invoked asynchronously by the Slack function, one job per invocation (src/aws/lambda-job-queue.ts). */
export const handler = async (event: unknown, context: unknown) => (await ready())(event, context);
