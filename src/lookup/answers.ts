import type { Filter, ListKind, Place } from '../understanding/intent';
import { directionFilter } from './filters';
import type { LocateResult } from './locate';
import type { FilteredList, LookupService } from './lookup-service';
import { type SearchHit, searchConfidence } from './search';
import { type Scope, scopeLabel } from './views';

/** What to try instead, for a list filter that matched nothing (each surface adds its prefix). */
export const LIST_EXAMPLES = 'due in 60 days  ·  due next week  ·  overdue NHS Lothian  ·  list carers';

/** A problem to say, with what to try (the surface writes it as its own command). */
export interface LookupProblem {
  kind: 'problem';
  problem: string;
  example?: string;
}

/**
 * A filtered list the way an officer asked for it ("overdue NHS Lothian", "list carers"):
 * the place resolved, an "about" word that matches nothing said as not understood rather than
 * answered with an empty list. The same answer for every surface; each draws it its own way.
 */
export async function answerList(
  lookup: LookupService,
  ask: { place: Place; list: ListKind; filter: Filter; userId?: string },
): Promise<LookupProblem | { kind: 'list'; list: FilteredList }> {
  const scoped = await lookup.scopeFor(ask.place);
  if (!scoped.ok) return { kind: 'problem', problem: scoped.problem };
  const about = ask.filter.about;
  if (about && (await lookup.search(scoped.scope, about)).length === 0)
    return {
      kind: 'problem',
      problem: `I did not understand “${about}”: nothing in ${scopeLabel(scoped.scope)} is about it.`,
      example: LIST_EXAMPLES,
    };
  return { kind: 'list', list: await lookup.listFiltered(scoped.scope, ask.list, ask.filter, ask.userId) };
}

export type SearchAnswer =
  | LookupProblem
  | { kind: 'none'; scope: Scope; words: string }
  | { kind: 'weak'; scope: Scope; words: string; hits: SearchHit[] }
  | { kind: 'one'; words: string; located: LocateResult };

/**
 * Words that are not a ref ("carers strategy"): searched, narrowed by any filter said with
 * them, and answered by how sure the match is — nothing, "did you mean", or the one direction.
 */
export async function answerSearch(
  lookup: LookupService,
  ask: { place: Place; words: string; filter: Filter; userId?: string },
): Promise<SearchAnswer> {
  const scoped = await lookup.scopeFor(ask.place);
  if (!scoped.ok) return { kind: 'problem', problem: scoped.problem };
  const { scope } = scoped;
  const { words } = ask;
  let hits = await lookup.search(scope, words);
  if (Object.keys(ask.filter).length > 0) {
    const keep = directionFilter(
      ask.filter,
      hits.map((hit) => hit.direction),
      ask.userId,
    );
    hits = hits.filter((hit) => keep(hit.direction));
  }
  const sure = searchConfidence(hits, words);
  if (sure === 'none') return { kind: 'none', scope, words };
  if (sure === 'weak') return { kind: 'weak', scope, words, hits };
  const best = hits[0]?.direction.ref ?? '';
  return {
    kind: 'one',
    words,
    located: await lookup.locate(best, { ijbId: scope.ijb.id, planYear: scope.planYear }),
  };
}
