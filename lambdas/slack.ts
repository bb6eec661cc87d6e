import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { loadLambdaEnv } from '../src/aws/lambda-config';
import { createSlackLambdaHandler } from '../src/aws/slack-lambda';
import { loadSlackSecrets } from '../src/aws/slack-secrets';
import { createDocumentClient } from '../src/store/dynamo-client';
import { createDynamoRegisterStore } from '../src/store/dynamo-register-store';

// Built once per cold start, reused by every invocation of this instance.
const env = loadLambdaEnv();
const db = createDocumentClient({ region: env.AWS_REGION, endpoint: env.AWS_ENDPOINT_URL_DYNAMODB });
const ready = loadSlackSecrets(env, () => new SecretsManagerClient({ region: env.AWS_REGION })).then(
  (secrets) =>
    createSlackLambdaHandler({ env, secrets, store: createDynamoRegisterStore(db, env.TABLE_NAME) }),
);

/** Slack → Function URL → here. Two arguments, promise-based (Bolt 5; Node 24 runtimes reject callbacks). */
export const handler = async (event: Parameters<Awaited<typeof ready>>[0], context: unknown) =>
  (await ready)(event, context);
