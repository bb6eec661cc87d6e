import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as z from 'zod';
import type { LambdaEnv } from './lambda-config';

/** The Slack credentials, kept as one JSON secret in Secrets Manager (README: Deploy). */
const SlackSecretsSchema = z.object({
  signingSecret: z.string().min(1, 'signingSecret is empty'),
  botToken: z.string().startsWith('xoxb-', 'botToken must start xoxb-').optional(),
  botId: z.string().min(1).optional(),
  botUserId: z.string().min(1).optional(),
});
export type SlackSecrets = z.infer<typeof SlackSecretsSchema>;

export class SlackSecretError extends Error {
  override name = 'SlackSecretError';
}

/**
 * Reads the Slack credentials. The values never reach a log: errors name the secret and the
 * field, not what was in it.
 */
export async function loadSlackSecrets(
  env: LambdaEnv,
  client: () => SecretsManagerClient,
): Promise<SlackSecrets> {
  if (!env.SLACK_SECRET_ARN) {
    return {
      signingSecret: env.SLACK_SIGNING_SECRET as string,
      botToken: env.SLACK_BOT_TOKEN,
      botId: env.SLACK_BOT_ID,
      botUserId: env.SLACK_BOT_USER_ID,
    };
  }
  const { SecretString } = await client().send(new GetSecretValueCommand({ SecretId: env.SLACK_SECRET_ARN }));
  let json: unknown;
  try {
    json = JSON.parse(SecretString ?? '');
  } catch {
    throw new SlackSecretError(
      `Secret ${env.SLACK_SECRET_ARN} is not JSON like {"signingSecret": "...", "botToken": "xoxb-..."}`,
    );
  }
  const parsed = SlackSecretsSchema.safeParse(json);
  if (!parsed.success) {
    throw new SlackSecretError(
      `Secret ${env.SLACK_SECRET_ARN}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`,
    );
  }
  return {
    ...parsed.data,
    botId: parsed.data.botId ?? env.SLACK_BOT_ID,
    botUserId: parsed.data.botUserId ?? env.SLACK_BOT_USER_ID,
  };
}

/**
 * Once per cold start: every invocation of the instance shares the first read. A failed read
 * (the secret not filled in yet, a throttle) is not kept, so the next invocation tries again
 * instead of the instance failing until it is recycled.
 */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
