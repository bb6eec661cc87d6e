import type { DirectionKey } from '../../domain/progress-update';
import type { Subcommand, SubcommandRequest } from '../../slack/capability';
import { statusText } from '../../slack/renderers/format';
import { renderMissing, renderProblem } from '../../slack/renderers/lists';
import type { UpdatesKit } from './kit';
import { openUpdateForm } from './open-form';
import { renderRefusal, renderUndone } from './render/receipts';

/** The direction named and the id of its latest update, if that update is the asker's. */
async function latestOwnUpdate(kit: UpdatesKit, request: SubcommandRequest, verb: string) {
  const ref = request.text.trim().split(/\s+/)[0] ?? '';
  if (!ref)
    return { reply: renderProblem(`Which direction’s update should I ${verb}?`, `/direction ${verb} 5.1`) };
  const scoped = await kit.lookup.scope(request.planYear ? { planYear: request.planYear } : {});
  if (!scoped.ok) return { reply: renderProblem(scoped.problem) };
  const found = await kit.lookup.show(scoped.scope, ref);
  if (found.kind === 'missing')
    return { reply: renderMissing(found.scope, found.ref, found.suggestions, found.inOtherYears) };
  const { direction } = found.view;
  const latest = direction.latestUpdate;
  if (!latest?.id || latest.by !== request.userId)
    return {
      reply: renderProblem(
        `The latest update on ${direction.ref} is not yours, so there is nothing of yours to ${verb} there.`,
        `/direction history ${direction.ref}`,
      ),
    };
  const key: DirectionKey = { ijbId: direction.ijbId, planYear: direction.planYear, ref: direction.ref };
  return { key, id: latest.id };
}

/** `/direction undo 5.1` and `/direction edit 5.1`: the receipt's buttons, typed. */
export function correctionSubcommands(kit: UpdatesKit): Subcommand[] {
  const undo: Subcommand = {
    names: ['undo'],
    help: [['/direction undo 5.1', 'withdraw your latest update on 5.1, within 15 minutes of saving it']],
    async handle(request) {
      const found = await latestOwnUpdate(kit, request, 'undo');
      if ('reply' in found) return found.reply;
      const result = await kit.corrections.undo(found.key, found.id, request.userId);
      if (!result.ok) return renderRefusal(result.reason);
      const direction = await kit.deps.store.getDirection(found.key.ijbId, found.key.planYear, found.key.ref);
      return renderUndone(result.update, direction ? `now ${statusText(direction.status)}` : 'unchanged');
    },
  };
  const edit: Subcommand = {
    names: ['edit'],
    help: [['/direction edit 5.1', 'change your latest update on 5.1, within 15 minutes of saving it']],
    async handle(request, tools) {
      const found = await latestOwnUpdate(kit, request, 'edit');
      if ('reply' in found) return found.reply;
      const editable = await kit.corrections.editable(found.key, found.id, request.userId);
      if (!editable.ok) return renderRefusal(editable.reason);
      const { update } = editable;
      return openUpdateForm(kit, tools.client, {
        triggerId: request.triggerId,
        userId: request.userId,
        key: found.key,
        mode: 'edit',
        id: update.id,
        prefill: {
          status: update.status,
          text: update.text,
          evidence: update.evidence.join('\n'),
          ...(update.expectedDate ? { expectedDate: update.expectedDate } : {}),
          ...(update.nextSteps ? { nextSteps: update.nextSteps } : {}),
        },
      });
    },
  };
  return [undo, edit];
}
