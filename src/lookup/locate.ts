import type { Ijb } from '../domain/ijb';
import type { DirectionOutcome } from '../domain/outcome';
import type { PlanYear } from '../domain/plan-year';
import type { Place } from '../understanding/intent';
import { placesOf, type RegisterIndex } from './register-index';
import type { DirectionView, Scope, ScopeResult, ShowResult } from './views';

export type LocateResult =
  /** `note` says where it came from when that is not where the request looked first. */
  | { kind: 'found'; scope: Scope; view: DirectionView; note?: string }
  /** Known only from a later paper's outcome table (D10i, 2018-19): what became of it. */
  | { kind: 'outcome'; ijb: Ijb; planYear: PlanYear; outcome: DirectionOutcome; note?: string }
  | Extract<ShowResult, { kind: 'missing' }>
  | { kind: 'problem'; problem: string };

export interface LocateDeps {
  index(): Promise<RegisterIndex>;
  profile(ijbId: string): Promise<Ijb | undefined>;
  scope(request: { ijbId?: string; planYear?: PlanYear }): Promise<ScopeResult>;
  show(scope: Scope, ref: string): Promise<ShowResult>;
  defaultIjbId: string;
}

/**
 * Finds a ref wherever it is in the register: where the text says (an IJB, a year), else the
 * workspace's IJB and latest year first, then its other years, then other IJBs. The index of
 * refs is cached, so the common path reads the direction and nothing else.
 */
export async function locateRef(deps: LocateDeps, ref: string, place: Place): Promise<LocateResult> {
  const wantedIjb = place.ijbId ?? deps.defaultIjbId;
  const [index, wanted] = await Promise.all([deps.index(), deps.profile(wantedIjb)]);
  if (place.ijbId && !wanted?.latestPlanYear) return notLoaded(index, place);
  const candidate = placesOf(index, ref, wantedIjb).find(
    (at) => (!place.ijbId || at.ijbId === place.ijbId) && (!place.planYear || at.planYear === place.planYear),
  );
  const wantedName = wanted?.shortName ?? place.ijbName ?? wantedIjb;
  if (candidate?.outcome) {
    const ijb = await deps.profile(candidate.ijbId);
    if (ijb) {
      const note =
        candidate.ijbId === wantedIjb
          ? undefined
          : elsewhere(candidate.ref, ijb, candidate.planYear, wantedName);
      return {
        kind: 'outcome',
        ijb,
        planYear: candidate.planYear,
        outcome: candidate.outcome,
        ...(note ? { note } : {}),
      };
    }
  }
  if (candidate) {
    const scoped = await deps.scope({ ijbId: candidate.ijbId, planYear: candidate.planYear });
    if (scoped.ok) {
      const shown = await deps.show(scoped.scope, candidate.ref);
      if (shown.kind === 'found') {
        const { ijb } = scoped.scope;
        const latest = index.years.get(wantedIjb)?.[0];
        const note =
          candidate.ijbId !== wantedIjb
            ? elsewhere(candidate.ref, ijb, candidate.planYear, wantedName, place.planYear)
            : !place.planYear && candidate.planYear !== latest
              ? `${candidate.ref} is from ${ijb.shortName}'s ${candidate.planYear} register; ${latest} has no ${candidate.ref}.`
              : undefined;
        return { ...shown, ...(note ? { note } : {}) };
      }
    }
  }
  // Not in the index (or it changed since): look where the request points, as before the index.
  let scoped = await deps.scope({
    ijbId: wantedIjb,
    ...(place.planYear ? { planYear: place.planYear } : {}),
  });
  if (!scoped.ok && place.planYear && !place.ijbId) {
    const other = index.ijbs.find((ijb) => index.years.get(ijb.id)?.includes(place.planYear ?? ''));
    if (other) scoped = await deps.scope({ ijbId: other.id, planYear: place.planYear });
    else
      return {
        kind: 'problem',
        problem: `No ${place.planYear} register is loaded here. Loaded: ${loadedYears(index, wantedIjb)}.`,
      };
  }
  if (!scoped.ok) return { kind: 'problem', problem: scoped.problem };
  const shown = await deps.show(scoped.scope, ref);
  return shown;
}

function elsewhere(
  ref: string,
  ijb: Ijb,
  planYear: PlanYear,
  wantedName: string,
  wantedYear?: PlanYear,
): string {
  const missing = wantedYear ? `no ${wantedYear} register` : `no ${ref}`;
  return `${ref} is ${ijb.shortName}'s (${planYear}); ${wantedName} has ${missing}.`;
}

function notLoaded(index: RegisterIndex, place: Place): LocateResult {
  const loaded = index.ijbs.filter((ijb) => index.years.get(ijb.id)?.length).map((ijb) => ijb.shortName);
  return {
    kind: 'problem',
    problem: `${place.ijbName ?? place.ijbId}'s register is not loaded here. Loaded: ${loaded.join(', ') || 'none yet'}.`,
  };
}

function loadedYears(index: RegisterIndex, homeIjbId: string): string {
  return [...index.ijbs]
    .sort((a, b) => Number(b.id === homeIjbId) - Number(a.id === homeIjbId) || a.name.localeCompare(b.name))
    .flatMap((ijb) => (index.years.get(ijb.id) ?? []).map((year) => `${ijb.shortName} ${year}`))
    .join(', ');
}
