import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { loadLambdaEnv } from '../src/aws/lambda-config';
import { createNudgeLambdaHandler, type NudgeEvent } from '../src/aws/nudge-lambda';
import { loadSlackSecrets } from '../src/aws/slack-secrets';
import { createDocumentClient } from '../src/store/dynamo-client';

// Built once per cold start, reused by every invocation of this instance.
const env = loadLambdaEnv();
const db = createDocumentClient({
  region: env.AWS_REGION,
  endpoint: env.AWS_ENDPOINT_URL_DYNAMODB,
  // A batch job, not a Slack ack: let a slow request finish rather than fail the run.
  requestTimeoutMs: 5_000,
});
const ready = loadSlackSecrets(env, () => new SecretsManagerClient({ region: env.AWS_REGION })).then(
  (secrets) => createNudgeLambdaHandler({ env, secrets, db }),
);

/** EventBridge Scheduler → here, weekday mornings (Europe/London). Two arguments, promise-based. */
export const handler = async (event: NudgeEvent, context: unknown) => (await ready)(event, context);
