import type { webApi } from '@slack/bolt';
import type { View } from '@slack/types';
import * as z from 'zod';
import { recipientName } from '../../domain/ijb';
import { mustAskBody } from '../../domain/partners';
import type { DirectionKey } from '../../domain/progress-update';
import type { Reply } from '../../slack/renderers/blocks';
import { renderMissing, renderProblem } from '../../slack/renderers/lists';
import type { RawUpdate } from '../update-input';
import type { ConversationButton, FormMetadata } from './action-ids';
import type { UpdatesKit } from './kit';
import { renderRefusal } from './render/receipts';
import { prefillFrom, renderNotice, renderUpdateForm } from './render/update-form';

export const FORM_CHECK_JOB = 'updates.form-check';

export interface OpenFormRequest {
  triggerId: string;
  userId: string;
  /** A ref, with the IJB and plan year when a button names them. */
  key: Partial<DirectionKey> & { ref: string };
  /**
   * The channel the person typed in to ask for this form (a slash command, a conversation they
   * started), which proves they are in it. Never the channel of a click.
   */
  typedIn?: string | undefined;
  mode: FormMetadata['mode'];
  prefill?: RawUpdate;
  id?: string;
  convo?: ConversationButton;
  /** Opened from inside a modal: stack on it rather than open a new one. */
  push?: boolean;
  /**
   * Answering a modal's submission: the form replaces that modal (response_action "update")
   * through this, instead of views.open. Channel membership is then asked of Slack at once.
   */
  replace?: (view: View) => Promise<void>;
}

/**
 * Opens the update form at once: one read for the direction (its latest update prefills the
 * form), the quick permission checks, then views.open while the trigger_id is fresh (it dies
 * after 3 s). Asking Slack whether the person is in the team channel is left to a job after
 * the ack; the form is replaced by the reason if they are not.
 */
export async function openUpdateForm(
  kit: UpdatesKit,
  client: webApi.WebClient,
  request: OpenFormRequest,
): Promise<Reply | undefined> {
  const scoped = await kit.lookup.scope({
    ...(request.key.ijbId ? { ijbId: request.key.ijbId } : {}),
    ...(request.key.planYear ? { planYear: request.key.planYear } : {}),
  });
  if (!scoped.ok) return renderProblem(scoped.problem);
  const found = await kit.lookup.show(scoped.scope, request.key.ref);
  if (found.kind === 'missing')
    return renderMissing(found.scope, found.ref, found.suggestions, found.inOtherYears);
  const { direction } = found.view;
  const right =
    request.mode === 'edit'
      ? { ok: true as const }
      : await kit.permissions.mayUpdate(direction, request.userId, request.typedIn, {
          askSlack: request.replace !== undefined,
        });
  if (right.ok === false) return renderRefusal(right.reason);
  const metadata: FormMetadata = {
    ijbId: direction.ijbId,
    planYear: direction.planYear,
    ref: direction.ref,
    mode: request.mode,
    ...(request.id ? { id: request.id } : {}),
    ...(request.convo ? { convo: request.convo } : {}),
    ...(request.typedIn ? { typedIn: request.typedIn } : {}),
  };
  const ijb = scoped.scope.ijb;
  const onBehalfOf =
    request.mode !== 'edit' && mustAskBody(direction, request.userId)
      ? direction.issuedTo.map((body) => ({ body, name: recipientName(ijb, body) }))
      : undefined;
  const view = renderUpdateForm(
    direction,
    request.prefill ?? prefillFrom(direction, scoped.scope.today),
    metadata,
    onBehalfOf,
  );
  if (request.replace) {
    await request.replace(view);
    return undefined;
  }
  let opened: webApi.ViewsOpenResponse;
  try {
    opened = request.push
      ? await client.views.push({ trigger_id: request.triggerId, view })
      : await client.views.open({ trigger_id: request.triggerId, view });
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error ?? 'no answer';
    kit.log(`views.open for ${direction.ref} failed: ${code}`, code === 'no answer' ? error : undefined);
    return renderProblem(
      `I could not open the update form (Slack said: ${code}). Post it in one line instead:`,
      `/direction update ${direction.ref} on track: what has happened`,
    );
  }
  if (right.ok === 'ask-slack' && opened.view?.id) {
    const job = { viewId: opened.view.id, hash: opened.view.hash, ...metadata, userId: request.userId };
    await kit.deps.queue
      .enqueue({ kind: FORM_CHECK_JOB, payload: job })
      .catch((error: unknown) => kit.log('could not queue the form check', error));
  }
  return undefined;
}

const FormCheckSchema = z.object({
  viewId: z.string(),
  hash: z.string().optional(),
  ijbId: z.string(),
  planYear: z.string(),
  ref: z.string(),
  userId: z.string(),
  typedIn: z.string().optional(),
});

/** The job: asks Slack about team channel membership, and turns the form into the reason if refused. */
export async function checkOpenedForm(kit: UpdatesKit, payload: unknown): Promise<void> {
  const job = FormCheckSchema.parse(payload);
  const direction = await kit.deps.store.getDirection(job.ijbId, job.planYear, job.ref);
  if (!direction) return;
  const right = await kit.permissions.mayUpdate(direction, job.userId, job.typedIn);
  if (right.ok) return;
  const view: View = renderNotice(`Cannot update ${job.ref}`, right.reason);
  await kit.deps.slack.views.update({ view_id: job.viewId, ...(job.hash ? { hash: job.hash } : {}), view });
}
