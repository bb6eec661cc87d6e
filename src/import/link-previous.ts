import type { PlanYear } from '../domain/plan-year';
import type { RegisterStore } from '../store/register-store';
import type { ImportWarning, ParsedDirection, ParsedOutcome } from './parse/types';

const STATE = { supersedes: 'superseded', amends: 'varied', cancels: 'revoked' } as const;
const VERB = { supersedes: 'Superseded', amends: 'Amended', cancels: 'Cancelled' } as const;

/**
 * A form's "supersedes GCIJB-2024-03" with no year given: the direction is looked for in the
 * IJB's earlier plan years in the register, newest first. Found, it is linked both ways and
 * its lifecycle changes (superseded, varied, revoked); not found, the reference is kept on
 * the form as written, and said.
 */
export async function linkPreviousDirections(
  store: Pick<RegisterStore, 'listPlanYears' | 'getDirection'>,
  input: {
    ijbId: string;
    planYear: PlanYear;
    source: string;
    directions: ParsedDirection[];
    outcomes: ParsedOutcome[];
  },
): Promise<ImportWarning[]> {
  const open = input.directions.flatMap((direction) =>
    (direction.form?.previous ?? []).filter((link) => !link.planYear).map((link) => ({ direction, link })),
  );
  if (open.length === 0) return [];
  const earlier = (await store.listPlanYears(input.ijbId))
    .map((record) => record.planYear)
    .filter((year) => year < input.planYear)
    .sort()
    .reverse();
  const warnings: ImportWarning[] = [];
  for (const { direction, link } of open) {
    let found: PlanYear | undefined;
    for (const year of earlier)
      if (await store.getDirection(input.ijbId, year, link.ref)) {
        found = year;
        break;
      }
    if (!found) {
      warnings.push({
        at: direction.at,
        ref: direction.ref,
        message: `${link.action} ${link.ref}, which is not in the register${earlier.length > 0 ? ` (looked in ${earlier.join(', ')})` : ''}: kept as a reference.`,
      });
      continue;
    }
    link.planYear = found;
    const successor = { planYear: input.planYear, ref: direction.ref };
    if (link.action === 'supersedes')
      direction.supersedes = [...(direction.supersedes ?? []), { planYear: found, ref: link.ref }];
    input.outcomes.push({
      planYear: found,
      ref: link.ref,
      lifecycle: {
        state: STATE[link.action],
        outcome: `${VERB[link.action]} by ${direction.ref} (${input.planYear})`,
        decidedIn: { planYear: input.planYear, source: input.source },
      },
      supersededBy: link.action === 'supersedes' ? [successor] : [],
      at: direction.at,
    });
  }
  return warnings;
}
