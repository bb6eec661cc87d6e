import { compareRefs, MAX_REF_CHARS } from '../../domain/direction';
import { formatDay } from '../../domain/local-date';
import type { DueResult } from '../../lookup/lookup-service';
import type { SearchHit } from '../../lookup/search';
import { type DirectionView, type Scope, scopeLabel } from '../../lookup/views';
import { ACTIONS, buttonValue } from '../action-ids';
import {
  type Block,
  button,
  capBlocks,
  context,
  escapeMrkdwn,
  header,
  type Reply,
  sections,
  summary,
} from './blocks';
import { pendingProposalText, standingText, statusText } from './format';

function line(view: DirectionView): string {
  const { direction } = view;
  const pending = pendingProposalText(view.pendingSignOff);
  return `*${direction.ref}* · ${escapeMrkdwn(direction.theme.name)} — ${escapeMrkdwn(summary(direction.text))} · ${statusText(direction.status)}${pending ? `\n${pending}` : ''}`;
}

function openButton(scope: Scope, view: DirectionView) {
  return button(
    'Open',
    ACTIONS.open,
    buttonValue({ ijbId: scope.ijb.id, planYear: scope.planYear, ref: view.direction.ref }),
  );
}

export function renderSearchResults(scope: Scope, words: string, hits: SearchHit[]): Reply {
  const title = `Search “${words}” · ${scopeLabel(scope)}`;
  if (hits.length === 0) {
    return {
      text: `No direction in ${scopeLabel(scope)} matches “${escapeMrkdwn(words)}”.`,
      visibility: 'private',
      blocks: [
        ...sections(`No direction in ${escapeMrkdwn(scopeLabel(scope))} matches “${escapeMrkdwn(words)}”.`),
        context('Try fewer or different words, `/direction list` for all of them, or `/direction help`.'),
      ],
    };
  }
  const blocks: Block[] = [
    header(title),
    ...hits.flatMap((hit) =>
      sections(
        line({ direction: hit.direction, deadlines: [] }),
        openButton(scope, { direction: hit.direction, deadlines: [] }),
      ),
    ),
    context(
      `${hits.length} best match${hits.length === 1 ? '' : 'es'}, best first. Open one, or \`/direction <ref>\`.`,
    ),
  ];
  return {
    text: `${hits.length} directions match “${escapeMrkdwn(words)}”`,
    blocks: capBlocks(blocks, 'Narrow the search.'),
    visibility: 'private',
  };
}

export function renderDirectionList(scope: Scope, views: DirectionView[]): Reply {
  const byTheme = new Map<string, DirectionView[]>();
  for (const view of [...views].sort((a, b) => compareRefs(a.direction.ref, b.direction.ref))) {
    const list = byTheme.get(view.direction.theme.name) ?? [];
    list.push(view);
    byTheme.set(view.direction.theme.name, list);
  }
  const blocks: Block[] = [
    header(`Directions ${scopeLabel(scope)}`),
    context(`${views.length} directions issued by ${escapeMrkdwn(scope.ijb.name)}.`),
    ...[...byTheme.entries()].flatMap(([theme, list]) =>
      sections(`*${escapeMrkdwn(theme)}*\n${list.map((view) => `• ${line(view)}`).join('\n')}`),
    ),
  ];
  return {
    text: `${views.length} directions in ${scopeLabel(scope)}`,
    blocks: capBlocks(blocks, 'Search with `/direction search <words>`.'),
    visibility: 'private',
  };
}

export function renderDue(result: DueResult, heading: string, emptyText: string): Reply {
  const { scope, groups } = result;
  const count = groups.reduce((total, group) => total + group.directions.length, 0);
  if (groups.length === 0) {
    return {
      text: emptyText,
      blocks: [...sections(escapeMrkdwn(emptyText)), context('See everything with `/direction list`.')],
      visibility: 'private',
    };
  }
  const blocks: Block[] = [
    header(`${heading} · ${scopeLabel(scope)}`),
    ...groups.flatMap((group) =>
      sections(
        `*${formatDay(group.dueDate)}* · ${standingText(group.standing)}\n${group.directions.map((view) => `• ${line(view)}`).join('\n')}`,
      ),
    ),
    context(
      `${count} direction${count === 1 ? '' : 's'}, soonest first. Open one with \`/direction <ref>\`.`,
    ),
  ];
  return {
    text: `${heading}: ${count} directions`,
    blocks: capBlocks(blocks, 'Ask for a shorter window.'),
    visibility: 'private',
  };
}

export function renderMissing(
  scope: Scope,
  ref: string,
  suggestions: string[],
  inOtherYears: string[],
): Reply {
  if (ref.length > MAX_REF_CHARS) {
    return renderProblem(
      `That ref is ${ref.length.toLocaleString('en-GB')} characters long: too long for a ref, which is at most ${MAX_REF_CHARS} (like 5.1 or D15c).`,
    );
  }
  const guess =
    suggestions.length > 0
      ? ` Did you mean ${suggestions.map((s) => `*${escapeMrkdwn(s)}*`).join(suggestions.length === 2 ? ' or ' : ', ')}?`
      : '';
  const elsewhere =
    inOtherYears.length > 0
      ? `\n${escapeMrkdwn(ref)} is in ${inOtherYears.join(', ')}: \`/direction ${inOtherYears.at(-1)} ${escapeMrkdwn(ref)}\``
      : '';
  const text = `No ${escapeMrkdwn(ref)} in ${escapeMrkdwn(scopeLabel(scope))}.${guess}${elsewhere}`;
  const buttons = suggestions.map((s) =>
    button(s, `${ACTIONS.open}:${s}`, buttonValue({ ijbId: scope.ijb.id, planYear: scope.planYear, ref: s })),
  );
  return {
    text: text.replace(/\*/g, ''),
    blocks: [
      ...sections(text),
      ...(buttons.length > 0
        ? [{ type: 'actions' as const, block_id: 'suggestions', elements: buttons }]
        : []),
      context('`/direction list` shows every direction; `/direction search <words>` finds one by its words.'),
    ],
    visibility: 'private',
  };
}

/** A request we could not act on: say what was wrong and what to type instead. */
export function renderProblem(problem: string, example?: string): Reply {
  return {
    text: escapeMrkdwn(problem),
    blocks: [
      ...sections(`:raising_hand: ${escapeMrkdwn(problem)}`),
      ...(example ? [context(`Try: \`${escapeMrkdwn(example)}\``)] : []),
    ],
    visibility: 'private',
  };
}
