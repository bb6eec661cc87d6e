import { createHmac } from 'node:crypto';
import { LOCAL_USER_ID } from '../config';

/**
 * Signs a request body exactly as Slack does: v0= + hex HMAC-SHA256 of "v0:{timestamp}:{body}"
 * (https://docs.slack.dev/authentication/verifying-requests-from-slack). Used by the terminal
 * chat, the tests and the benchmark, which all speak to the server as Slack would.
 */
export function slackSignatureHeaders(
  signingSecret: string,
  body: string,
  timestampSeconds = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const signature = createHmac('sha256', signingSecret)
    .update(`v0:${timestampSeconds}:${body}`)
    .digest('hex');
  return {
    'x-slack-request-timestamp': String(timestampSeconds),
    'x-slack-signature': `v0=${signature}`,
  };
}

export interface SlashCommandFields {
  text: string;
  command?: string;
  userId?: string;
  userName?: string;
  teamId?: string;
  channelId?: string;
  channelName?: string;
  responseUrl?: string;
  triggerId?: string;
}

/** A slash-command body as Slack posts it (application/x-www-form-urlencoded). */
export function slashCommandBody(fields: SlashCommandFields): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: fields.teamId ?? 'T0LOCAL',
    team_domain: 'local',
    channel_id: fields.channelId ?? 'C0LOCAL',
    channel_name: fields.channelName ?? 'directions',
    user_id: fields.userId ?? LOCAL_USER_ID,
    user_name: fields.userName ?? 'local.officer',
    command: fields.command ?? '/direction',
    text: fields.text,
    api_app_id: 'A0LOCAL',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl ?? 'https://hooks.slack.com/commands/T0LOCAL/0/local',
    trigger_id: fields.triggerId ?? `${Date.now()}.local`,
  }).toString();
}

/** An interaction body (button click, modal submission) as Slack posts it: a form with one `payload` field. */
export function interactionBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
