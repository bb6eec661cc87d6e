import { MONTH_NAMES } from '../domain/local-date';
import type { DirectionCommand } from '../lookup/command';
import type { LookupService } from '../lookup/lookup-service';
import { scopeLabel } from '../lookup/views';
import type { AdaptiveCard } from './cards/adaptive';
import { directionCard } from './cards/direction-card';
import { dueCard, listCard, searchCard } from './cards/lists';
import { helpCard, missingCard, problemCard } from './cards/messages';

/** A look-up answered as a card: the same service calls the Slack listener makes. */
export async function answerLookup(
  command: DirectionCommand,
  request: { ijbId?: string; typed: string; page?: number; visibility: 'private' | 'channel' },
  lookup: LookupService,
): Promise<AdaptiveCard> {
  switch (command.kind) {
    case 'help':
      return helpCard();
    case 'not-yet':
      return helpCard(command.feature);
    case 'invalid':
      return problemCard(command.problem, command.example);
  }
  const scoped = await lookup.scope({
    ...(request.ijbId ? { ijbId: request.ijbId } : {}),
    ...('planYear' in command && command.planYear ? { planYear: command.planYear } : {}),
  });
  if (!scoped.ok) return problemCard(scoped.problem, 'help');
  const { scope } = scoped;
  const page = request.page ?? 0;
  switch (command.kind) {
    case 'show': {
      const result = await lookup.show(scope, command.ref);
      return result.kind === 'found'
        ? directionCard(scope, result.view, command.share ? 'channel' : request.visibility)
        : missingCard(command.ref, scopeLabel(scope), result.suggestions, result.inOtherYears);
    }
    case 'search':
      return searchCard(scope, command.words, await lookup.search(scope, command.words), request.typed, page);
    case 'list':
      return listCard(scope, await lookup.list(scope), request.typed, page);
    case 'due': {
      const result = await lookup.due(scope, command.window);
      const title =
        command.window.kind === 'days'
          ? `Due in the next ${command.window.days} days`
          : `Due in ${MONTH_NAMES[Number((result.from ?? '').slice(5, 7)) - 1] ?? ''} ${(result.from ?? '').slice(0, 4)}`;
      return dueCard(
        result,
        title,
        `Nothing falls due ${title.slice(4)} in ${scopeLabel(scope)}.`,
        request.typed,
        page,
      );
    }
    case 'overdue':
      return dueCard(
        await lookup.overdue(scope),
        'Overdue',
        `Nothing is overdue in ${scopeLabel(scope)}.`,
        request.typed,
        page,
      );
  }
}
