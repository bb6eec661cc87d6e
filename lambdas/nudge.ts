import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { loadLambdaEnv } from '../src/aws/lambda-config';
import { createNudgeLambdaHandler, type NudgeEvent } from '../src/aws/nudge-lambda';
import { loadSlackSecrets } from '../src/aws/slack-secrets';
import { loadTeamsSecret } from '../src/aws/teams-lambda';
import { createDocumentClient } from '../src/store/dynamo-client';

// Built once per cold start, reused by every invocation of this instance.
const env = loadLambdaEnv();
const db = createDocumentClient({
  region: env.AWS_REGION,
  endpoint: env.AWS_ENDPOINT_URL_DYNAMODB,
  // A batch job, not a Slack ack: let a slow request finish rather than fail the run.
  requestTimeoutMs: 5_000,
});
const secrets = () => new SecretsManagerClient({ region: env.AWS_REGION });
// Teams channels get their digest too when the stack has a Teams app (TEAMS_APP_ID set).
const ready = Promise.all([
  loadSlackSecrets(env, secrets),
  // A Teams secret not filled in yet must not stop Slack's digests: Teams' then fail, recorded, and retry.
  env.TEAMS_APP_ID
    ? loadTeamsSecret(env, secrets).catch((error: unknown) => {
        console.warn('nudge: Teams digests off, the Teams secret did not load:', String(error));
        return undefined;
      })
    : undefined,
]).then(([slack, teamsSecret]) => createNudgeLambdaHandler({ env, secrets: slack, db, teamsSecret }));

/** EventBridge Scheduler → here, weekday mornings (Europe/London). Two arguments, promise-based. */
export const handler = async (event: NudgeEvent, context: unknown) => (await ready)(event, context);
