import { AwsLambdaReceiver } from '@slack/bolt';
import { createLookupService } from '../lookup/lookup-service';
import { createSlackApp } from '../slack/app';
import type { RegisterStore } from '../store/register-store';
import type { LambdaEnv } from './lambda-config';
import type { SlackSecrets } from './slack-secrets';

/** Bolt's own handler type: an API Gateway or Function URL event in, an HTTP response out. */
export type LambdaHandler = ReturnType<AwsLambdaReceiver['toHandler']>;

/**
 * The Slack ingress as a Lambda handler: Bolt's AwsLambdaReceiver (which verifies every
 * signature) in front of the same listeners the local server runs.
 */
export async function createSlackLambdaHandler(deps: {
  env: LambdaEnv;
  secrets: SlackSecrets;
  store: RegisterStore;
  clock?: () => Date;
}): Promise<LambdaHandler> {
  const { env, secrets, store } = deps;
  const receiver = new AwsLambdaReceiver({ signingSecret: secrets.signingSecret });
  createSlackApp(
    {
      receiver,
      botToken: secrets.botToken,
      botId: env.SLACK_BOT_ID,
      botUserId: env.SLACK_BOT_USER_ID,
      slackApiUrl: env.SLACK_API_URL,
      logLevel: env.LOG_LEVEL,
    },
    {
      lookup: createLookupService({
        store,
        clock: deps.clock ?? (() => new Date()),
        defaultIjbId: env.DIRECTIONS_IJB,
      }),
    },
  );
  const handle = await receiver.start();
  return (event, context) => handle(decodeBody(event), context);
}

/**
 * Bolt decodes base64 bodies as ASCII, which garbles UTF-8 (a "café" in an event body fails
 * the signature check). Decode as UTF-8 first and hand Bolt the text.
 */
function decodeBody(event: Parameters<LambdaHandler>[0]): Parameters<LambdaHandler>[0] {
  if (!event.isBase64Encoded || !event.body) return event;
  return { ...event, body: Buffer.from(event.body, 'base64').toString('utf8'), isBase64Encoded: false };
}
