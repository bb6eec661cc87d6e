import { createRegisterApi } from '../src/api/register-api';
import { createApiLambdaHandler } from '../src/aws/api-lambda';
import { loadLambdaEnv } from '../src/aws/lambda-config';
import { createObservability } from '../src/aws/observability';
import { createDocumentClient } from '../src/store/dynamo-client';
import { createDynamoRegisterStore } from '../src/store/dynamo-register-store';

// Built once per cold start. Reads only: no Slack secret, no worker.
const env = loadLambdaEnv();
const observability = createObservability('api', env.LOG_LEVEL);
const db = createDocumentClient({ region: env.AWS_REGION, endpoint: env.AWS_ENDPOINT_URL_DYNAMODB });
const api = createRegisterApi({
  store: createDynamoRegisterStore(db, env.TABLE_NAME),
  clock: () => new Date(),
});

/** Function URL (IAM auth) → here: GET /ijbs/{ijb}/years/{year}/directions[/{ref}]. */
export const handler = createApiLambdaHandler(api, observability);
