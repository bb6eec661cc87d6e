import { describeStanding } from '../../domain/deadline';
import { STATUS_LABELS } from '../../domain/direction';
import { formatDay } from '../../domain/local-date';
import type { DueResult } from '../../lookup/lookup-service';
import type { SearchHit } from '../../lookup/search';
import { type DirectionView, type Scope, scopeLabel } from '../../lookup/views';
import {
  type Action,
  type AdaptiveCard,
  card,
  container,
  type Element,
  heading,
  note,
  plain,
  submit,
  text,
} from './adaptive';

export const PAGE_SIZE = 10;

export interface ListRow {
  ref: string;
  line: string;
  group?: string;
}

function summary(value: string, max = 120): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

function rowOf(view: Pick<DirectionView, 'direction'>): ListRow {
  const { direction } = view;
  return {
    ref: direction.ref,
    line: `**${direction.ref}** · ${plain(direction.theme.name)} — ${plain(summary(direction.text))} · ${STATUS_LABELS[direction.status]}`,
  };
}

/**
 * A list, one page at a time: each row opens its direction, and "More" asks for the next
 * page by re-running what was typed (`again`), so a page never has to be kept anywhere.
 */
export function pagedList(
  scope: Scope,
  title: string,
  rows: readonly ListRow[],
  again: string,
  page = 0,
  empty = 'Nothing to show.',
): AdaptiveCard {
  if (rows.length === 0) return card([heading(title), text(empty)]);
  const pages = Math.ceil(rows.length / PAGE_SIZE);
  const current = Math.min(Math.max(page, 0), pages - 1);
  const shown = rows.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const body: Element[] = [heading(title)];
  let group: string | undefined;
  for (const row of shown) {
    if (row.group && row.group !== group) {
      group = row.group;
      body.push(text(`**${plain(group)}**`, { spacing: 'Medium' }));
    }
    body.push(
      container([text(row.line)], {
        selectAction: submit('Open', {
          action: 'open',
          ijbId: scope.ijb.id,
          planYear: scope.planYear,
          ref: row.ref,
        }),
      }),
    );
  }
  body.push(note(`Page ${current + 1} of ${pages} · ${rows.length} in all. Select one to open it.`));
  const actions: Action[] = [];
  if (current > 0) actions.push(submit('Previous', { action: 'page', text: again, page: current - 1 }));
  if (current < pages - 1) actions.push(submit('More', { action: 'page', text: again, page: current + 1 }));
  return card(body, actions);
}

export function searchCard(
  scope: Scope,
  words: string,
  hits: SearchHit[],
  again: string,
  page = 0,
  title = `Search “${plain(words)}”`,
): AdaptiveCard {
  return pagedList(
    scope,
    `${title} · ${scopeLabel(scope)}`,
    hits.map(rowOf),
    again,
    page,
    `No direction in ${scopeLabel(scope)} matches “${plain(words)}”. Try fewer or different words, or "help".`,
  );
}

export function listCard(
  scope: Scope,
  views: DirectionView[],
  again: string,
  page = 0,
  label = 'All directions',
  empty = 'Nothing to show.',
): AdaptiveCard {
  return pagedList(scope, `${plain(label)} · ${scopeLabel(scope)}`, views.map(rowOf), again, page, empty);
}

export function dueCard(
  result: DueResult,
  title: string,
  empty: string,
  again: string,
  page = 0,
): AdaptiveCard {
  const rows = result.groups.flatMap((group) =>
    group.directions.map((view) => ({
      ...rowOf(view),
      group: `${formatDay(group.dueDate)} · ${describeStanding(group.standing)}`,
    })),
  );
  return pagedList(result.scope, `${title} · ${scopeLabel(result.scope)}`, rows, again, page, empty);
}
