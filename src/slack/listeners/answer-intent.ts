import { directionFilter } from '../../lookup/filters';
import type { LookupService } from '../../lookup/lookup-service';
import { searchConfidence } from '../../lookup/search';
import { scopeLabel } from '../../lookup/views';
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
      const scoped = await lookup.scopeFor(intent.place);
      if (!scoped.ok) return renderProblem(scoped.problem, '/direction help');
      const about = intent.filter.about;
      if (about && (await lookup.search(scoped.scope, about)).length === 0)
        return renderProblem(
          `I did not understand “${about}”: nothing in ${scopeLabel(scoped.scope)} is about it.`,
          '/direction due in 60 days  ·  due next week  ·  overdue NHS Lothian  ·  list carers',
        );
      const list = await lookup.listFiltered(scoped.scope, intent.list, intent.filter, ctx.request.userId);
      return renderFilteredList(list);
    }
    case 'search': {
      const scoped = await lookup.scopeFor(intent.place);
      if (!scoped.ok) return renderProblem(scoped.problem, '/direction help');
      const { scope } = scoped;
      let hits = await lookup.search(scope, intent.words);
      if (Object.keys(intent.filter).length > 0) {
        const keep = directionFilter(
          intent.filter,
          hits.map((hit) => hit.direction),
          ctx.request.userId,
        );
        hits = hits.filter((hit) => keep(hit.direction));
      }
      const sure = searchConfidence(hits, intent.words);
      if (sure === 'none') return renderSearchResults(scope, intent.words, []);
      if (sure === 'weak') return renderDidYouMean(scope, intent.words, hits);
      const best = hits[0]?.direction.ref ?? '';
      const card = renderLocated(
        await lookup.locate(best, { ijbId: scope.ijb.id, planYear: scope.planYear }),
        'private',
      );
      return {
        ...card,
        blocks: [context(`:mag: The one direction about “${intent.words}”`), ...card.blocks],
      };
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
