import type { BlockButtonAction } from '@slack/bolt';
import type { LookupService } from '../../lookup/lookup-service';
import { ACTIONS, type DirectionButtonValue, DirectionButtonValueSchema } from '../action-ids';
import type { Reply } from '../renderers/blocks';
import { renderDirectionCard } from '../renderers/direction-card';
import { renderMissing, renderProblem } from '../renderers/lists';
import { toSlackMessage } from '../reply';
import type { SlackRouter } from '../router';

export interface CardActionDeps {
  lookup: LookupService;
  /**
   * Answer Update and History with "coming soon": only when no capability answers them (the
   * updates capability does), e.g. a Lambda built without capabilities.
   */
  comingSoon?: boolean;
}

/** A direction as a card, for a button that names it; private unless shared. */
export async function directionCardFor(
  value: DirectionButtonValue,
  lookup: LookupService,
  visibility: Reply['visibility'],
): Promise<Reply> {
  const scoped = await lookup.scope({ ijbId: value.ijbId, planYear: value.planYear });
  if (!scoped.ok) return renderProblem(scoped.problem);
  const result = await lookup.show(scoped.scope, value.ref);
  return result.kind === 'found'
    ? renderDirectionCard(scoped.scope, result.view, visibility)
    : renderMissing(scoped.scope, value.ref, result.suggestions, result.inOtherYears);
}

/** The card's buttons. Slack wants the ack at once; the answer goes back through response_url. */
export function registerCardActions(app: SlackRouter, { lookup, comingSoon = false }: CardActionDeps): void {
  const parse = (body: BlockButtonAction) =>
    DirectionButtonValueSchema.safeParse(safeJson(body.actions[0]?.value));

  app.action(new RegExp(`^${escapeRegExp(ACTIONS.open)}(:.*)?$`), async ({ ack, body, respond }) => {
    await ack();
    const value = parse(body);
    await respond({
      ...toSlackMessage(value.success ? await directionCardFor(value.data, lookup, 'private') : stale()),
      replace_original: false,
    });
  });

  app.action(ACTIONS.share, async ({ ack, body, respond }) => {
    await ack();
    const value = parse(body);
    await respond({
      ...toSlackMessage(value.success ? await directionCardFor(value.data, lookup, 'channel') : stale()),
      replace_original: false,
    });
  });

  if (!comingSoon) return;
  for (const [actionId, feature] of [
    [ACTIONS.update, 'Progress updates'],
    [ACTIONS.history, 'Update history'],
  ] as const) {
    app.action(actionId, async ({ ack, respond, body }) => {
      await ack();
      const value = parse(body);
      const ref = value.success ? ` for ${value.data.ref}` : '';
      await respond({
        ...toSlackMessage(
          renderProblem(`${feature}${ref} are coming soon. For now, tell the IJB planning team directly.`),
        ),
        replace_original: false,
      });
    });
  }
}

function stale(): Reply {
  return renderProblem('That button is from an older message I can no longer read. Run the command again.');
}

function safeJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
