import type { BlockButtonAction, RespondFn, webApi } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { ACTIONS, DirectionButtonValueSchema } from '../../slack/action-ids';
import type { Reply } from '../../slack/renderers/blocks';
import { statusText } from '../../slack/renderers/format';
import { renderProblem } from '../../slack/renderers/lists';
import { toSlackMessage } from '../../slack/reply';
import type { SlackRouter } from '../../slack/router';
import { HistoryButtonSchema, parseValue, UPDATE_ACTIONS, UpdateButtonSchema } from './action-ids';
import { historyPage } from './history-page';
import type { UpdatesKit } from './kit';
import { CarryOnButtonSchema, saveLineUpdate } from './line-update';
import { openUpdateForm } from './open-form';
import { renderRefusal, renderUndone } from './render/receipts';
import { renderDecided } from './render/sign-off';
import { renderNotice } from './render/update-form';

const STALE = 'That button is from an older message I can no longer read. Run the command again.';

/**
 * Answers where the button was: a message gets a reply through response_url (replacing it when
 * asked); a modal is updated in place, since it has no response_url.
 */
async function answer(
  body: BlockButtonAction,
  respond: RespondFn,
  client: webApi.WebClient,
  reply: Reply,
  replace: boolean,
) {
  if (body.container?.type === 'view' && body.view?.id) {
    const view: ModalView = {
      ...renderNotice(body.view.title?.text ?? 'IJB Directions', ''),
      blocks: reply.blocks,
    };
    await client.views.update({ view_id: body.view.id, view });
    return;
  }
  await respond({ ...toSlackMessage(reply), replace_original: replace });
}

/** The card's Update and History buttons (and a digest's Update), Undo, Edit, Approve, Send back, Older. */
export function registerActionListeners(app: SlackRouter, kit: UpdatesKit): void {
  const buttonOf = (body: BlockButtonAction) => body.actions[0]?.value;

  app.action(ACTIONS.update, async ({ ack, body, client, respond }) => {
    await ack();
    const key = parseValue(DirectionButtonValueSchema, buttonOf(body));
    if (!key) return answer(body, respond, client, renderProblem(STALE), false);
    // No `typedIn`: where a button was clicked proves nothing (anyone can open a public channel
    // and click its card), so membership of the team channel is asked of Slack.
    const reply = await openUpdateForm(kit, client, {
      triggerId: body.trigger_id,
      userId: body.user.id,
      key,
      mode: 'new',
      push: body.container?.type === 'view',
    });
    if (reply) await answer(body, respond, client, reply, false);
  });

  app.action(ACTIONS.history, async ({ ack, body, client, respond }) => {
    await ack();
    const key = parseValue(DirectionButtonValueSchema, buttonOf(body));
    await answer(
      body,
      respond,
      client,
      key ? await historyPage(kit, key, body.user.id, 1) : renderProblem(STALE),
      false,
    );
  });

  app.action(UPDATE_ACTIONS.olderHistory, async ({ ack, body, client, respond }) => {
    await ack();
    const value = parseValue(HistoryButtonSchema, buttonOf(body));
    const reply = value
      ? await historyPage(kit, value, body.user.id, value.page, value.cursor)
      : renderProblem(STALE);
    await answer(body, respond, client, reply, true);
  });

  app.action(UPDATE_ACTIONS.undo, async ({ ack, body, client, respond }) => {
    await ack();
    const value = parseValue(UpdateButtonSchema, buttonOf(body));
    if (!value) return answer(body, respond, client, renderProblem(STALE), false);
    const result = await kit.corrections.undo(value, value.id, body.user.id);
    if (!result.ok) return answer(body, respond, client, renderRefusal(result.reason), false);
    const direction = await kit.deps.store.getDirection(value.ijbId, value.planYear, value.ref);
    await answer(
      body,
      respond,
      client,
      renderUndone(result.update, direction ? `now ${statusText(direction.status)}` : 'unchanged'),
      true,
    );
  });

  app.action(UPDATE_ACTIONS.edit, async ({ ack, body, client, respond }) => {
    await ack();
    const value = parseValue(UpdateButtonSchema, buttonOf(body));
    if (!value) return answer(body, respond, client, renderProblem(STALE), false);
    const editable = await kit.corrections.editable(value, value.id, body.user.id);
    if (!editable.ok) return answer(body, respond, client, renderRefusal(editable.reason), false);
    const { update } = editable;
    const reply = await openUpdateForm(kit, client, {
      triggerId: body.trigger_id,
      userId: body.user.id,
      key: value,
      mode: 'edit',
      id: update.id,
      prefill: {
        status: update.status,
        text: update.text,
        evidence: update.evidence.join('\n'),
        ...(update.expectedDate ? { expectedDate: update.expectedDate } : {}),
        ...(update.nextSteps ? { nextSteps: update.nextSteps } : {}),
      },
      push: body.container?.type === 'view',
    });
    if (reply) await answer(body, respond, client, reply, false);
  });

  app.action(
    new RegExp(`^${UPDATE_ACTIONS.carryOn.replace('.', '\\.')}(:.*)?$`),
    async ({ ack, body, client, respond }) => {
      await ack();
      const value = parseValue(CarryOnButtonSchema, buttonOf(body));
      if (!value) return answer(body, respond, client, renderProblem(STALE), false);
      const reply = await saveLineUpdate(kit, {
        text: `${value.ref} ${value.words}`,
        ...(value.planYear ? { planYear: value.planYear } : {}),
        userId: body.user.id,
        channelId: body.channel?.id ?? '',
        idempotencyKey: `carry:${body.user.id}:${body.actions[0]?.action_ts ?? ''}`,
      });
      await answer(body, respond, client, reply, false);
    },
  );

  app.action(UPDATE_ACTIONS.approve, async ({ ack, body, client, respond }) => {
    await ack();
    const value = parseValue(UpdateButtonSchema, buttonOf(body));
    if (!value) return answer(body, respond, client, renderProblem(STALE), false);
    const result = await kit.signOff.decide(value, value.id, body.user.id, 'approved');
    if (!result.ok) return answer(body, respond, client, renderRefusal(result.reason), false);
    await answer(body, respond, client, { ...renderDecided(result.decision), visibility: 'private' }, true);
  });

  app.action(UPDATE_ACTIONS.sendBack, async ({ ack, body, client, respond }) => {
    await ack();
    const value = parseValue(UpdateButtonSchema, buttonOf(body));
    if (!value) return answer(body, respond, client, renderProblem(STALE), false);
    // Refused before the form opens, so no one types a reason that cannot be kept.
    const checked = await kit.signOff.mayDecide(value, value.id, body.user.id);
    if (!checked.ok) return answer(body, respond, client, renderRefusal(checked.reason), false);
    const where =
      body.container?.type === 'message'
        ? { channel: body.container.channel_id, ts: body.container.message_ts }
        : {};
    await client.views.open({
      trigger_id: body.trigger_id,
      view: sendBackForm(JSON.stringify({ ...value, ...where }), value.ref),
    });
  });
}

function sendBackForm(metadata: string, ref: string): ModalView {
  return {
    type: 'modal',
    callback_id: UPDATE_ACTIONS.sendBackForm,
    private_metadata: metadata,
    title: { type: 'plain_text', text: `Send back ${ref}`.slice(0, 24) },
    submit: { type: 'plain_text', text: 'Send back' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: 'reason',
        label: { type: 'plain_text', text: 'What is missing?' },
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 1000 },
        hint: { type: 'plain_text', text: 'The lead sees this, and it is kept with the decision.' },
      },
    ],
  };
}
