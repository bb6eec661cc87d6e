import * as z from 'zod';
import type { Reply } from '../../slack/renderers/blocks';
import { renderProblem } from '../../slack/renderers/lists';
import { parseUpdateRequest } from '../one-line';
import { describeProblems, validateUpdate } from '../update-input';
import type { UpdatesKit } from './kit';
import { renderNotSaved, renderSaved, renderWrongRef } from './render/receipts';

/** A one-line update typed against a ref that is not there, carried on to the ref a button names. */
export const CarryOnButtonSchema = z.object({
  ref: z.string().min(1).max(20),
  planYear: z.string().max(10).optional(),
  /** What was typed after the wrong ref (not `text`: it is data, not a message to show). */
  words: z.string().min(1).max(1800),
});
export type CarryOnButton = z.infer<typeof CarryOnButtonSchema>;

export interface LineRequest {
  /** `5.1 at risk: …` as typed after `update`. */
  text: string;
  planYear?: string;
  userId: string;
  channelId: string;
  idempotencyKey: string;
}

/**
 * Saves `update 5.1 at risk: …`. Nothing typed is lost: a ref that is not there gives the text
 * back with the nearest refs as buttons that send it on to one of them.
 */
export async function saveLineUpdate(kit: UpdatesKit, request: LineRequest): Promise<Reply> {
  const parsed = parseUpdateRequest(request.text);
  if (parsed.kind !== 'line') return renderProblem('Give a status and what happened, after the ref.');
  const typed = `/direction update ${request.text}`;
  const scoped = await kit.lookup.scope(request.planYear ? { planYear: request.planYear } : {});
  if (!scoped.ok) return renderProblem(scoped.problem);
  const found = await kit.lookup.show(scoped.scope, parsed.ref);
  if (found.kind === 'missing') {
    const rest = request.text.trim().slice(parsed.ref.length).trim();
    const buttons = found.suggestions
      .map((ref): CarryOnButton => ({ ref, planYear: scoped.scope.planYear, words: rest }))
      .filter((value) => CarryOnButtonSchema.safeParse(value).success);
    return renderWrongRef(found.scope, parsed.ref, typed, buttons);
  }
  const checked = validateUpdate(parsed.raw, scoped.scope.today);
  if (!checked.ok)
    return renderNotSaved(
      parsed.ref,
      describeProblems(checked.problems),
      typed,
      'Change it and send it again.',
    );
  const result = await kit.service.save({
    direction: found.view.direction,
    userId: request.userId,
    content: checked.content,
    via: 'line',
    idempotencyKey: request.idempotencyKey,
    fromChannel: request.channelId,
  });
  if (result.kind === 'saved')
    return renderSaved(result.update, result.previous, { words: parsed.statusWords });
  const again = result.kind === 'refused' ? 'Nothing was saved.' : 'Send it again in a minute.';
  return renderNotSaved(parsed.ref, result.reason, typed, again);
}
