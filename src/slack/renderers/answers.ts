import type { Ijb } from '../../domain/ijb';
import type { DirectionOutcome } from '../../domain/outcome';
import type { LocateResult } from '../../lookup/locate';
import type { FilteredList } from '../../lookup/lookup-service';
import type { SearchHit } from '../../lookup/search';
import { type Scope, scopeLabel } from '../../lookup/views';
import { ACTIONS, buttonValue } from '../action-ids';
import {
  actions,
  type Block,
  button,
  context,
  escapeMrkdwn,
  header,
  type Reply,
  sections,
  summary,
} from './blocks';
import { renderDirectionCard } from './direction-card';
import { renderDirectionList, renderDue, renderMissing, renderProblem } from './lists';

/** A ref found wherever it was: its card, saying where it came from when that was not asked. */
export function renderLocated(result: LocateResult, visibility: Reply['visibility']): Reply {
  switch (result.kind) {
    case 'problem':
      return renderProblem(result.problem, '/direction help');
    case 'missing':
      return renderMissing(result.scope, result.ref, result.suggestions, result.inOtherYears);
    case 'outcome':
      return withNote(renderOutcomeCard(result.ijb, result.outcome), result.note);
    case 'found':
      return withNote(renderDirectionCard(result.scope, result.view, visibility), result.note);
  }
}

function withNote(reply: Reply, note: string | undefined): Reply {
  if (!note) return reply;
  return {
    ...reply,
    text: `${note} ${reply.text}`,
    blocks: [context(`:mag: ${escapeMrkdwn(note)}`), ...reply.blocks],
  };
}

/** A direction only an outcome table speaks of: what became of it, and what replaced it. */
export function renderOutcomeCard(ijb: Ijb, outcome: DirectionOutcome): Reply {
  const said = outcome.lifecycle.outcome ?? outcome.lifecycle.state;
  const from = outcome.lifecycle.decidedIn
    ? ` (from the ${outcome.lifecycle.decidedIn.planYear} paper’s outcome table)`
    : '';
  const successors = outcome.supersededBy.map((link) =>
    button(
      `Open ${link.ref} (${link.planYear})`,
      `${ACTIONS.open}:${link.ref}`,
      buttonValue({ ijbId: ijb.id, planYear: link.planYear, ref: link.ref }),
    ),
  );
  const blocks: Block[] = [
    header(`${outcome.ref}${outcome.heading ? ` · ${outcome.heading}` : ''}`),
    context(`${escapeMrkdwn(ijb.name)} · Directions ${outcome.planYear} · that year’s paper is not loaded`),
    ...sections(`*Outcome*${escapeMrkdwn(from)}\n${escapeMrkdwn(said)}`),
    ...(successors.length > 0 ? [actions(`outcome:${outcome.ref}`, successors)] : []),
  ];
  return { text: `${outcome.ref} (${outcome.planYear}): ${said}`, blocks, visibility: 'private' };
}

/** A filtered list, headed by the filter as understood: "Overdue, issued to NHS Lothian: 7". */
export function renderFilteredList(list: FilteredList): Reply {
  if (list.kind === 'due') {
    const count = list.result.groups.reduce((total, group) => total + group.directions.length, 0);
    const { scope } = list.result;
    const reply = renderDue(
      list.result,
      `${list.label}: ${count}`,
      `${list.label}: none in ${scopeLabel(scope)}.`,
    );
    return reply;
  }
  if (list.views.length === 0) {
    const text = `${list.label}: none in ${scopeLabel(list.scope)}.`;
    return {
      text,
      blocks: [...sections(escapeMrkdwn(text)), context('See everything with `/direction list`.')],
      visibility: 'private',
    };
  }
  const reply = renderDirectionList(list.scope, list.views);
  const label = `${list.label}: ${list.views.length}`;
  return {
    ...reply,
    text: `${label} in ${scopeLabel(list.scope)}`,
    blocks: [context(`*${escapeMrkdwn(label)}*`), ...reply.blocks],
  };
}

/** Weak search matches: offered as "Did you mean …", never as an answer. */
export function renderDidYouMean(scope: Scope, words: string, hits: readonly SearchHit[]): Reply {
  const shown = hits.slice(0, 5);
  const lines = shown.map(
    (hit) =>
      `• *${escapeMrkdwn(hit.direction.ref)}* · ${escapeMrkdwn(hit.direction.theme.name)} — ${escapeMrkdwn(summary(hit.direction.text, 120))}`,
  );
  const buttons = shown.map((hit) =>
    button(
      hit.direction.ref,
      `${ACTIONS.open}:${hit.direction.ref}`,
      buttonValue({ ijbId: scope.ijb.id, planYear: scope.planYear, ref: hit.direction.ref }),
    ),
  );
  const text = `No one direction is clearly about “${words}” in ${scopeLabel(scope)}. Did you mean:`;
  return {
    text: `${text} ${shown.map((hit) => hit.direction.ref).join(', ')}?`,
    blocks: [
      ...sections(`${escapeMrkdwn(text)}\n${lines.join('\n')}`),
      actions('did-you-mean', buttons),
      context('Add a word or two to narrow it, or type the ref: `/direction 5.1`.'),
    ],
    visibility: 'private',
  };
}
