import { answerList, answerSearch } from '../../lookup/answers';
import type { LookupService } from '../../lookup/lookup-service';
import type { Intent } from '../../understanding/intent';
import type { Subcommand, SubcommandRequest, SubcommandTools } from '../capability';
import { renderDidYouMean, renderFilteredList, renderLocated } from '../renderers/answers';
import type { Reply } from '../renderers/blocks';
import { context } from '../renderers/blocks';
import { renderHelp } from '../renderers/help';
import { renderProblem, renderSearchResults } from '../renderers/lists';

export interface IntentContext {
  lookup: LookupService;
  /** Capability sub-commands by name (update, history, mine, subscribe…). */
  byName: ReadonlyMap<string, Subcommand>;
  request: Omit<SubcommandRequest, 'text' | 'planYear'>;
  tools: SubcommandTools;
  /** The workspace's own IJB: capability commands act on it only. */
  homeIjbId: string;
}

/** Answers what the parser understood. Pure of Bolt: an intent in, a reply out. */
export async function answerIntent(intent: Intent, ctx: IntentContext): Promise<Reply | undefined> {
  const { lookup } = ctx;
  const extraHelp = [...new Set(ctx.byName.values())].flatMap((subcommand) => subcommand.help);
  switch (intent.kind) {
    case 'help':
      return renderHelp(extraHelp);
    case 'invalid':
      return renderProblem(intent.problem, `/direction ${intent.example}`);
    case 'show':
      return renderLocated(
        await lookup.locate(intent.ref, intent.place),
        intent.share ? 'channel' : 'private',
      );
    case 'history':
    case 'undo':
    case 'edit':
      return delegate(ctx, intent.kind, intent.ref, intent.place);
    case 'update':
      return delegate(ctx, 'update', [intent.ref, intent.text].filter(Boolean).join(' '), intent.place);
    case 'command':
      return delegate(ctx, intent.name, intent.text, intent.place);
    case 'list': {
      const onlyMine =
        intent.list === 'mine' && Object.keys(intent.filter).length === 1 && !intent.place.ijbId;
      if (onlyMine && ctx.byName.has('mine')) return delegate(ctx, 'mine', '', intent.place);
      if (intent.filter.lead?.kind === 'named')
        return renderProblem(
          `I cannot tell who “@${intent.filter.lead.name}” is: pick them from Slack’s @ suggestions.`,
          '/direction overdue @someone',
        );
      const answer = await answerList(lookup, { ...intent, userId: ctx.request.userId });
      if (answer.kind === 'problem')
        return renderProblem(answer.problem, `/direction ${answer.example ?? 'help'}`);
      return renderFilteredList(answer.list);
    }
    case 'search': {
      const answer = await answerSearch(lookup, { ...intent, userId: ctx.request.userId });
      switch (answer.kind) {
        case 'problem':
          return renderProblem(answer.problem, '/direction help');
        case 'none':
          return renderSearchResults(answer.scope, answer.words, []);
        case 'weak':
          return renderDidYouMean(answer.scope, answer.words, answer.hits);
        case 'one': {
          const card = renderLocated(answer.located, 'private');
          return {
            ...card,
            blocks: [context(`:mag: The one direction about “${answer.words}”`), ...card.blocks],
          };
        }
      }
    }
  }
}

async function delegate(
  ctx: IntentContext,
  name: string,
  text: string,
  place: { ijbId?: string; planYear?: string },
): Promise<Reply | undefined> {
  const subcommand = ctx.byName.get(name);
  const extraHelp = [...new Set(ctx.byName.values())].flatMap((s) => s.help);
  if (!subcommand) return renderHelp(extraHelp, name);
  if (place.ijbId && place.ijbId !== ctx.homeIjbId)
    return renderProblem(
      `\`/direction ${name}\` works on this workspace's own IJB; for ${place.ijbId}, look things up only.`,
      `/direction ${place.ijbId} ${text.split(/\s+/)[0] || 'list'}`,
    );
  return subcommand.handle(
    { ...ctx.request, text, ...(place.planYear ? { planYear: place.planYear } : {}) },
    ctx.tools,
  );
}
