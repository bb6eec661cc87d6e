import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';
import type { LambdaEnv } from './lambda-config';

/** The Slack credentials, kept as one JSON secret in Secrets Manager. */
const SlackSecretsSchema = z.object({
  signingSecret: z.string().min(1, 'signingSecret is empty'),
  botToken: z.string().startsWith('xoxb-', 'botToken must start xoxb-').optional(),
});
export type SlackSecrets = z.infer<typeof SlackSecretsSchema>;

/**
 * Reads the Slack credentials once per cold start. The values never reach a log: errors
 * name the secret and the field, not what was in it.
 */
export async function loadSlackSecrets(
  env: LambdaEnv,
  client: () => SecretsManagerClient,
): Promise<SlackSecrets> {
  if (!env.SLACK_SECRET_ARN) {
    return { signingSecret: env.SLACK_SIGNING_SECRET as string, botToken: env.SLACK_BOT_TOKEN };
  }
  const { SecretString } = await client().send(new GetSecretValueCommand({ SecretId: env.SLACK_SECRET_ARN }));
  let json: unknown;
  try {
    json = JSON.parse(SecretString ?? '');
  } catch {
    throw new Error(
      `Secret ${env.SLACK_SECRET_ARN} is not JSON like {"signingSecret": "...", "botToken": "xoxb-..."}`,
    );
  }
  const parsed = SlackSecretsSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `Secret ${env.SLACK_SECRET_ARN}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`,
    );
  }
  return parsed.data;
}
