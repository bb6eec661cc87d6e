import { z } from 'zod';
import { IjbIdSchema } from '../domain/direction';

/**
 * What a Lambda function is told through its environment. Secrets are not here: only the
 * ARN of the secret that holds them (PLATFORM.md: never in environment values).
 */
const LambdaEnvSchema = z.object({
  TABLE_NAME: z.string().min(3),
  AWS_REGION: z.string().min(1),
  SLACK_SECRET_ARN: z.string().startsWith('arn:').optional(),
  /** For running the handler outside AWS (tests); never set by the CDK app. */
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-').optional(),
  SLACK_BOT_ID: z.string().min(1).optional(),
  SLACK_BOT_USER_ID: z.string().min(1).optional(),
  SLACK_API_URL: z.url().optional(),
  AWS_ENDPOINT_URL_DYNAMODB: z.url().optional(),
  DIRECTIONS_IJB: IjbIdSchema.default('midlothian'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});
export type LambdaEnv = z.infer<typeof LambdaEnvSchema>;

export function loadLambdaEnv(env: Record<string, string | undefined> = process.env): LambdaEnv {
  const parsed = LambdaEnvSchema.safeParse(env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`);
    throw new Error(`Lambda environment is not valid: ${names.join('; ')}`);
  }
  if (!parsed.data.SLACK_SECRET_ARN && !parsed.data.SLACK_SIGNING_SECRET) {
    throw new Error('Lambda environment is not valid: SLACK_SECRET_ARN is required');
  }
  return parsed.data;
}
