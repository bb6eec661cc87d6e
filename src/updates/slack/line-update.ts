import * as z from 'zod';
import type { Direction } from '../../domain/direction';
import { type Ijb, issuedToText, recipientName } from '../../domain/ijb';
import { recipientFromWords } from '../../domain/partners';
import type { ProgressUpdate } from '../../domain/progress-update';
import type { Reply } from '../../slack/renderers/blocks';
import { context, escapeMrkdwn } from '../../slack/renderers/blocks';
import { renderProblem } from '../../slack/renderers/lists';
import { parseUpdateRequest, takeBodyWords } from '../one-line';
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
  const typed = `/direction update ${request.text}`;
  const scoped = await kit.lookup.scope(request.planYear ? { planYear: request.planYear } : {});
  if (!scoped.ok) return renderProblem(scoped.problem);
  // "5.1 for NHS Lothian at risk: …": on whose behalf, said before the status.
  const { ijb } = scoped.scope;
  const [first = '', ...after] = request.text.trim().split(/\s+/);
  const said = takeBodyWords(after.join(' '), (words) => recipientFromWords(ijb, words) !== undefined);
  const body = said.words ? recipientFromWords(ijb, said.words) : undefined;
  const parsed = parseUpdateRequest(said.words ? `${first} ${said.rest}` : request.text);
  if (parsed.kind === 'invalid') return renderProblem(parsed.problem, parsed.example);
  if (parsed.kind !== 'line') return renderProblem('Give a status and what happened, after the ref.');
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
    ...(body ? { body } : {}),
  });
  if (result.kind === 'saved') {
    const saved = renderSaved(result.update, result.previous, { words: parsed.statusWords });
    return { ...saved, blocks: [...saved.blocks, ...onBehalfNote(ijb, found.view.direction, result.update)] };
  }
  const again = result.kind === 'refused' ? 'Nothing was saved.' : 'Send it again in a minute.';
  return renderNotSaved(parsed.ref, result.reason, typed, again);
}

/** Whose behalf the update counted for, on a direction issued to both; how to name one when unknown. */
function onBehalfNote(ijb: Ijb, direction: Direction, update: ProgressUpdate) {
  if (direction.issuedTo.length < 2) return [];
  if (update.body) return [context(`On behalf of ${escapeMrkdwn(recipientName(ijb, update.body))}.`)];
  const example = `/direction update ${direction.ref} for ${recipientName(ijb, direction.issuedTo[0] ?? 'health-board')} on track: …`;
  return [
    context(
      `On whose behalf? I could not tell, so this counts for the whole direction (${escapeMrkdwn(issuedToText(ijb, direction.issuedTo))}). Next time name the partner: \`${escapeMrkdwn(example)}\`, or ask an admin to set your body at \`/direction assign\`.`,
    ),
  ];
}
