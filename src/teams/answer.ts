import { answerList, answerSearch } from '../lookup/answers';
import type { LocateResult } from '../lookup/locate';
import type { FilteredList, LookupService } from '../lookup/lookup-service';
import { scopeLabel } from '../lookup/views';
import type { Intent } from '../understanding/intent';
import { type AdaptiveCard, card, heading, note, plain, submit, text } from './cards/adaptive';
import { directionCard } from './cards/direction-card';
import { dueCard, listCard, searchCard } from './cards/lists';
import { helpCard, missingCard, problemCard } from './cards/messages';

type LookupIntent = Extract<Intent, { kind: 'help' | 'invalid' | 'show' | 'list' | 'search' }>;

export function locatedCard(result: LocateResult, visibility: 'private' | 'channel'): AdaptiveCard {
  switch (result.kind) {
    case 'problem':
      return problemCard(result.problem, 'help');
    case 'missing':
      return missingCard(result.ref, scopeLabel(result.scope), result.suggestions, result.inOtherYears);
    case 'outcome':
      return card(
        [
          heading(
            `${result.outcome.ref}${result.outcome.heading ? ` · ${plain(result.outcome.heading)}` : ''}`,
          ),
          note(
            `${plain(result.ijb.name)} · Directions ${result.outcome.planYear} · that year’s paper is not loaded`,
          ),
          text(plain(result.outcome.lifecycle.outcome ?? result.outcome.lifecycle.state)),
          ...(result.note ? [note(plain(result.note))] : []),
        ],
        result.outcome.supersededBy.map((link) =>
          submit(`Open ${link.ref} (${link.planYear})`, {
            action: 'open',
            ijbId: result.ijb.id,
            planYear: link.planYear,
            ref: link.ref,
          }),
        ),
      );
    case 'found': {
      const shown = directionCard(result.scope, result.view, visibility);
      return result.note ? { ...shown, body: [note(plain(result.note)), ...shown.body] } : shown;
    }
  }
}

/** Headed by the filter as understood, in the Slack reply's words: "Overdue, issued to NHS Lothian: 7". */
function filteredCard(list: FilteredList, typed: string, page: number): AdaptiveCard {
  if (list.kind === 'views') {
    const empty = `${list.label}: none in ${scopeLabel(list.scope)}.`;
    return listCard(list.scope, list.views, typed, page, `${list.label}: ${list.views.length}`, empty);
  }
  const { result } = list;
  const count = result.groups.reduce((total, group) => total + group.directions.length, 0);
  return dueCard(
    result,
    `${list.label}: ${count}`,
    `${list.label}: none in ${scopeLabel(result.scope)}.`,
    typed,
    page,
  );
}

/**
 * A look-up answered as a card: the same parser's intent and the same service calls the
 * Slack listener makes (src/slack/listeners/answer-intent.ts), drawn as Adaptive Cards.
 */
export async function answerLookup(
  intent: LookupIntent,
  request: { typed: string; page?: number; userId: string },
  lookup: LookupService,
): Promise<AdaptiveCard> {
  const page = request.page ?? 0;
  switch (intent.kind) {
    case 'help':
      return helpCard();
    case 'invalid':
      return problemCard(intent.problem, intent.example);
    case 'show':
      return locatedCard(await lookup.locate(intent.ref, intent.place), intent.share ? 'channel' : 'private');
    case 'list': {
      if (intent.filter.lead?.kind === 'named')
        return problemCard(`I cannot tell who “@${intent.filter.lead.name}” is in Teams yet.`, 'overdue');
      const answer = await answerList(lookup, { ...intent, userId: request.userId });
      if (answer.kind === 'problem') return problemCard(answer.problem, answer.example ?? 'help');
      return filteredCard(answer.list, request.typed, page);
    }
    case 'search': {
      const answer = await answerSearch(lookup, { ...intent, userId: request.userId });
      switch (answer.kind) {
        case 'problem':
          return problemCard(answer.problem, 'help');
        case 'none':
          return searchCard(answer.scope, answer.words, [], request.typed, page);
        case 'weak':
          return searchCard(
            answer.scope,
            answer.words,
            answer.hits,
            request.typed,
            page,
            'Did you mean one of these?',
          );
        case 'one': {
          const located = locatedCard(answer.located, 'private');
          return {
            ...located,
            body: [note(`The one direction about “${plain(answer.words)}”`), ...located.body],
          };
        }
      }
    }
  }
}
