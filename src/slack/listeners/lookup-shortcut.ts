import type { GlobalShortcut } from '@slack/bolt';
import type { LookupService } from '../../lookup/lookup-service';
import { parseIntent } from '../../understanding/parse';
import type { Subcommand } from '../capability';
import { renderProblem } from '../renderers/lists';
import {
  LOOKUP_SHORTCUT,
  LOOKUP_VIEW,
  renderLookupAnswer,
  renderLookupModal,
} from '../renderers/lookup-modal';
import type { SlackRouter } from '../router';
import { answerIntent } from './answer-intent';

/**
 * The global shortcut "Look up a direction": a modal with a search box; what is typed goes
 * through the one parser, and the answer (the card) replaces the search box.
 */
export function registerLookupShortcut(
  router: SlackRouter,
  deps: { lookup: LookupService; subcommands: readonly Subcommand[] },
): void {
  const byName = new Map(deps.subcommands.flatMap((s) => s.names.map((name) => [name, s] as const)));
  router.shortcut(LOOKUP_SHORTCUT, async ({ ack, shortcut, client }) => {
    await ack();
    await client.views.open({
      trigger_id: (shortcut as GlobalShortcut).trigger_id,
      view: renderLookupModal(),
    });
  });
  router.view(LOOKUP_VIEW, async ({ ack, body, view, client, logger }) => {
    const text = view.state.values.q?.q?.value?.trim() ?? '';
    if (!text) {
      await ack({ response_action: 'errors', errors: { q: 'Type a ref like 5.1, or words to look for.' } });
      return;
    }
    const intent = parseIntent(text, { commands: [...byName.keys()] });
    // A look-up answers here; anything that changes the register is for /direction or the DM.
    const reply =
      intent.kind === 'show' || intent.kind === 'list' || intent.kind === 'search' || intent.kind === 'help'
        ? await answerIntent(intent, {
            lookup: deps.lookup,
            byName,
            homeIjbId: deps.lookup.defaultIjbId,
            request: {
              userId: body.user.id,
              teamId: body.team?.id ?? '',
              channelId: '',
              triggerId: '',
              responseUrl: '',
            },
            tools: { client, respond: (async () => ({})) as never, logger },
          })
        : renderProblem(
            'This box looks things up. To change something, use `/direction` or message me.',
            `/direction ${text}`,
          );
    await ack({
      response_action: 'update',
      view: renderLookupAnswer(reply ?? renderProblem('Nothing to show.')),
    });
  });
}
