/** Slack's interaction and event payloads, as the tests send them (the fields the app reads, and a few more). */
let sequence = 0;
const next = () => String(++sequence).padStart(6, '0');

export interface ClickFields {
  actionId: string;
  value: string;
  userId?: string;
  channel?: string;
  responseUrl: string;
  /** The message the button is on (a channel message, an ephemeral reply) or a modal. */
  in?:
    | { kind: 'message'; ts?: string; text?: string; blocks?: unknown[] }
    | { kind: 'view'; id: string; title?: string };
}

export function click(fields: ClickFields) {
  const where = fields.in ?? { kind: 'message' };
  const channel = fields.channel ?? 'C0LOCAL';
  return {
    type: 'block_actions',
    user: { id: fields.userId ?? 'U0LOCAL', team_id: 'T0LOCAL' },
    team: { id: 'T0LOCAL', domain: 'local' },
    api_app_id: 'A0LOCAL',
    trigger_id: `${next()}.trigger`,
    response_url: fields.responseUrl,
    ...(where.kind === 'message'
      ? {
          channel: { id: channel },
          container: {
            type: 'message',
            channel_id: channel,
            message_ts: where.ts ?? `1700000100.${next()}`,
            is_ephemeral: false,
          },
          message: {
            ts: where.ts ?? '1700000100.000001',
            text: where.text ?? '',
            blocks: where.blocks ?? [],
          },
        }
      : {
          container: { type: 'view', view_id: where.id },
          view: {
            id: where.id,
            hash: 'hash',
            type: 'modal',
            title: { type: 'plain_text', text: where.title ?? 'Saved' },
            blocks: [],
            private_metadata: '',
            state: { values: {} },
          },
        }),
    actions: [
      {
        type: 'button',
        action_id: fields.actionId,
        block_id: 'b',
        value: fields.value,
        action_ts: `1700000100.${next()}`,
      },
    ],
  };
}

export interface FormFields {
  status?: string;
  text?: string;
  evidence?: string;
  expectedDate?: string;
  nextSteps?: string;
}

/** A submission of the update form, with what the person typed in each field. */
export function submitForm(
  opened: { id?: string; callbackId?: string; privateMetadata: string },
  fields: FormFields,
  userId = 'U0LOCAL',
) {
  const input = (value: string | undefined) => ({
    value: { type: 'plain_text_input', value: value ?? null },
  });
  return {
    type: 'view_submission',
    user: { id: userId, name: 'officer', team_id: 'T0LOCAL' },
    team: { id: 'T0LOCAL', domain: 'local' },
    api_app_id: 'A0LOCAL',
    trigger_id: `${next()}.trigger`,
    view: {
      id: opened.id ?? `V${next()}`,
      callback_id: opened.callbackId ?? 'update.form',
      team_id: 'T0LOCAL',
      type: 'modal',
      hash: 'hash',
      private_metadata: opened.privateMetadata,
      blocks: [],
      state: {
        values: {
          status: {
            value: {
              type: 'static_select',
              selected_option: fields.status
                ? { value: fields.status, text: { type: 'plain_text', text: fields.status } }
                : null,
            },
          },
          text: input(fields.text),
          evidence: input(fields.evidence),
          expectedDate: { value: { type: 'datepicker', selected_date: fields.expectedDate ?? null } },
          nextSteps: input(fields.nextSteps),
        },
      },
    },
  };
}

export function messageEvent(fields: {
  user: string;
  text: string;
  channel: string;
  channelType: 'im' | 'channel' | 'group';
  threadTs?: string;
  ts?: string;
}) {
  const ts = fields.ts ?? `${1700000200 + sequence}.${next()}`;
  return {
    type: 'message',
    user: fields.user,
    text: fields.text,
    channel: fields.channel,
    channel_type: fields.channelType,
    ts,
    event_ts: ts,
    ...(fields.threadTs ? { thread_ts: fields.threadTs } : {}),
  };
}
