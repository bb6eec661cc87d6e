import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { buildTeamsProduct, type TeamsProduct } from '../product/teams-product';
import { createDynamoRegisterStore } from '../store/dynamo-register-store';
import type { TeamsAuthConfig } from '../teams/adapter';
import type { JobQueue } from '../work/job-queue';
import type { LambdaEnv } from './lambda-config';

/** The Azure Bot's secret, kept as one JSON secret in Secrets Manager (README: Microsoft Teams). */
const TeamsSecretSchema = z.object({
  appPassword: z.string().min(1, 'appPassword is empty'),
  tenantId: z.string().min(1).optional(),
});
export type TeamsSecret = z.infer<typeof TeamsSecretSchema>;

/** Reads the Teams secret; errors name the secret and the field, never the value. */
export async function loadTeamsSecret(
  env: LambdaEnv,
  client: () => SecretsManagerClient,
): Promise<TeamsSecret> {
  if (!env.TEAMS_SECRET_ARN) {
    if (!env.TEAMS_APP_PASSWORD)
      throw new Error('Lambda environment is not valid: TEAMS_SECRET_ARN is required');
    return { appPassword: env.TEAMS_APP_PASSWORD };
  }
  const { SecretString } = await client().send(new GetSecretValueCommand({ SecretId: env.TEAMS_SECRET_ARN }));
  let json: unknown;
  try {
    json = JSON.parse(SecretString ?? '');
  } catch {
    throw new Error(`The Teams secret ${env.TEAMS_SECRET_ARN} is not JSON like {"appPassword": "..."}`);
  }
  const parsed = TeamsSecretSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `The Teams secret ${env.TEAMS_SECRET_ARN}: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
    );
  }
  return parsed.data;
}

/** A Lambda Function URL request, as far as the Bot Framework needs it. */
export interface FunctionUrlEvent {
  body?: string;
  isBase64Encoded?: boolean;
  headers?: Record<string, string | undefined>;
  requestContext?: { http?: { method?: string; path?: string } };
}

export interface TeamsLambdaDeps {
  env: LambdaEnv;
  secret: TeamsSecret;
  db: DynamoDBDocumentClient;
  queue: JobQueue;
  clock?: () => Date;
  /** Stand-in connectors' reply credentials (tests, bench); MSAL otherwise. */
  outbound?: TeamsAuthConfig['outbound'];
}

/** Teams → Function URL → here: the SDK authenticates the activity, then the bot answers it. */
export function createTeamsLambdaHandler(deps: TeamsLambdaDeps) {
  const { env } = deps;
  if (!env.TEAMS_APP_ID) throw new Error('Lambda environment is not valid: TEAMS_APP_ID is required');
  const product: TeamsProduct = buildTeamsProduct({
    auth: {
      appId: env.TEAMS_APP_ID,
      appPassword: deps.secret.appPassword,
      tenantId: deps.secret.tenantId,
      openIdMetadataUrl: env.TEAMS_OPENID_METADATA_URL,
      outbound: deps.outbound,
    },
    store: createDynamoRegisterStore(deps.db, env.TABLE_NAME),
    db: deps.db,
    tableName: env.TABLE_NAME,
    clock: deps.clock ?? (() => new Date()),
    queue: deps.queue,
    defaultIjbId: env.DIRECTIONS_IJB,
    admins: env.DIRECTIONS_ADMINS,
  });
  return async (event: FunctionUrlEvent) => {
    const path = event.requestContext?.http?.path ?? '/api/messages';
    if (path !== '/api/messages') return { statusCode: 404, body: '' };
    let body: unknown;
    try {
      const raw = event.isBase64Encoded
        ? Buffer.from(event.body ?? '', 'base64').toString('utf8')
        : (event.body ?? '');
      body = JSON.parse(raw);
    } catch {
      return { statusCode: 400, body: 'Not JSON' };
    }
    const answer = await product.handle({
      method: event.requestContext?.http?.method ?? 'POST',
      headers: event.headers ?? {},
      body,
    });
    return {
      statusCode: answer.status,
      headers: { 'content-type': 'application/json' },
      body: answer.body ?? '',
    };
  };
}
