import * as z from 'zod';
import { AdminIdsSchema } from '../config';
import { IjbIdSchema } from '../domain/direction';

/**
 * What a Lambda function is told through its environment. Secrets are not here: only the
 * ARN of the secret that holds them (PLATFORM.md: never in environment values).
 */
const LambdaEnvSchema = z.object({
  TABLE_NAME: z.string().min(3),
  AWS_REGION: z.string().min(1),
  SLACK_SECRET_ARN: z.string().startsWith('arn:').optional(),
  /** The worker function the Slack function hands deferred jobs to (invoked asynchronously). */
  WORKER_FUNCTION_NAME: z.string().min(1).optional(),
  /** The secret holding the web register's share-link key (the HTTP function). */
  SHARE_SECRET_ARN: z.string().startsWith('arn:').optional(),
  /** Where the web register is served (the HTTP function's URL): share links and unfurls name it. */
  PUBLIC_URL: z.url().optional(),
  /** For running the handler outside AWS (tests, benchmarks); never set by the CDK app. */
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-').optional(),
  /** Not secret: the bot's ids, so Bolt never calls auth.test (also accepted in the secret). */
  SLACK_BOT_ID: z.string().min(1).optional(),
  SLACK_BOT_USER_ID: z.string().min(1).optional(),
  SLACK_API_URL: z.url().optional(),
  AWS_ENDPOINT_URL_DYNAMODB: z.url().optional(),
  /** Microsoft Teams: the Azure Bot's app id (not secret), its secret's ARN, and the key set. */
  TEAMS_APP_ID: z.string().min(1).optional(),
  TEAMS_SECRET_ARN: z.string().startsWith('arn:').optional(),
  TEAMS_OPENID_METADATA_URL: z.url().optional(),
  /** For running the Teams handler outside AWS (tests, benchmarks); never set by the CDK app. */
  TEAMS_APP_PASSWORD: z.string().min(1).optional(),
  DIRECTIONS_IJB: IjbIdSchema.default('midlothian'),
  DIRECTIONS_ADMINS: AdminIdsSchema,
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});
export type LambdaEnv = z.infer<typeof LambdaEnvSchema>;

export class LambdaConfigError extends Error {
  override name = 'LambdaConfigError';
}

export function loadLambdaEnv(env: Record<string, string | undefined> = process.env): LambdaEnv {
  const parsed = LambdaEnvSchema.safeParse(env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`);
    throw new LambdaConfigError(`Lambda environment is not valid: ${names.join('; ')}`);
  }
  return parsed.data;
}

/** Functions that talk to Slack need its credentials from somewhere. */
export function requireSlackCredentials(env: LambdaEnv): LambdaEnv {
  if (!env.SLACK_SECRET_ARN && !env.SLACK_SIGNING_SECRET) {
    throw new LambdaConfigError('Lambda environment is not valid: SLACK_SECRET_ARN is required');
  }
  return env;
}
