import { isOpen, MAX_REF_CHARS } from '../domain/direction';
import { matchDirectionRefs } from '../domain/direction-ref';
import { addDays, firstDayOfMonth, type LocalDate, lastDayOfMonth, londonDay } from '../domain/local-date';
import type { PlanYear } from '../domain/plan-year';
import { calendarFor } from '../register/calendars';
import type { RegisterStore } from '../store/register-store';
import type { Filter, ListKind, Place } from '../understanding/intent';
import { DEFAULT_DUE_DAYS, type DueWindow } from './command';
import { describeFilter, directionFilter, windowDays } from './filters';
import { type LocateResult, locateRef } from './locate';
import { nearestRefs } from './nearest-refs';
import { loadRegisterIndex } from './register-index';
import { type SearchHit, searchDirections } from './search';
import {
  type DirectionView,
  type DueGroup,
  type Scope,
  type ScopeResult,
  type ShowResult,
  viewOf,
} from './views';

export type { ScopeResult, ShowResult };

/** A filtered list, with the filter stated as the reply will say it. */
export type FilteredList =
  | { kind: 'views'; label: string; scope: Scope; views: DirectionView[] }
  | { kind: 'due'; label: string; result: DueResult };

export interface DueResult {
  scope: Scope;
  from?: LocalDate;
  to: LocalDate;
  groups: DueGroup[];
}

export interface LookupDeps {
  store: RegisterStore;
  clock: () => Date;
  /** The IJB a workspace looks at when the request does not say. */
  defaultIjbId: string;
  /** How long an IJB's profile (and so its latest plan year) is reused between requests. */
  profileCacheMs?: number;
}

export type LookupService = ReturnType<typeof createLookupService>;

/** Looking things up in the register: one direction, a search, what is due. Read-only. */
export function createLookupService({ store, clock, defaultIjbId, profileCacheMs = 30_000 }: LookupDeps) {
  // Profiles, plan years and the IJB list change only when a paper is loaded: reused for a while.
  const profile = reusedFor(profileCacheMs, (ijbId: string) => store.getIjb(ijbId));
  const years = reusedFor(profileCacheMs, (ijbId: string) => store.listPlanYears(ijbId));
  const ijbIds = reusedFor(
    profileCacheMs,
    async (_all: string) => new Set((await store.listIjbs()).map((ijb) => ijb.id)),
  );

  /** Whether `word` names an IJB in the register (not just any word). */
  const isIjb = async (word: string): Promise<boolean> =>
    /^[a-z][a-z0-9-]{2,40}$/.test(word) && (await ijbIds('all')).has(word);

  const scope = async (request: {
    ijbId?: string;
    teamId?: string;
    planYear?: PlanYear;
  }): Promise<ScopeResult> => {
    const ijbId = request.ijbId ?? defaultIjbId;
    const ijb = await profile(ijbId);
    if (!ijb?.latestPlanYear) {
      return { ok: false, problem: `No directions are loaded for ${ijb?.name ?? ijbId} yet.` };
    }
    let planYear = ijb.latestPlanYear;
    if (request.planYear && request.planYear !== ijb.latestPlanYear) {
      const loaded = (await years(ijb.id)).map((record) => record.planYear).sort();
      if (!loaded.includes(request.planYear)) {
        return {
          ok: false,
          problem: `${ijb.shortName} has no ${request.planYear} directions loaded. Loaded: ${loaded.join(', ')}.`,
        };
      }
      planYear = request.planYear;
    }
    // An import is writing this year (or stopped part-way): show none of it until it finishes.
    if (ijb.importingYears?.includes(planYear))
      return {
        ok: false,
        problem: `${ijb.shortName}’s ${planYear} directions are being imported right now. Try again in a minute; if this lasts, an admin can complete the import by running it again.`,
      };
    return { ok: true, scope: { ijb, planYear, calendar: calendarFor(ijb), today: londonDay(clock()) } };
  };

  const show = async (scope: Scope, ref: string): Promise<ShowResult> => {
    // Too long to be a ref: answered as missing without a read (a key over 1 KB is a
    // DynamoDB ValidationException, which the user would see as "try again").
    if (ref.length > MAX_REF_CHARS) return { kind: 'missing', scope, ref, suggestions: [], inOtherYears: [] };
    // A year with a delivery plan (the profile says which) reads its milestones alongside.
    const [direction, milestones] = await Promise.all([
      store.getDirection(scope.ijb.id, scope.planYear, ref),
      scope.ijb.deliveryPlanYears?.includes(scope.planYear)
        ? store.listMilestones(scope.ijb.id, scope.planYear)
        : undefined,
    ]);
    if (direction) return { kind: 'found', scope, view: viewOf(direction, scope, milestones) };
    const [known, loaded] = await Promise.all([
      store.listDirections(scope.ijb.id, scope.planYear),
      years(scope.ijb.id),
    ]);
    // Refs looked up loosely ("07" for GCIJB-2025-07): one clear match is the direction meant.
    const loose = matchDirectionRefs(
      ref,
      known.map((other) => other.ref),
    );
    const meant = loose.length === 1 ? known.find((other) => other.ref === loose[0]) : undefined;
    if (meant) return { kind: 'found', scope, view: viewOf(meant, scope, milestones) };
    const otherYears = loaded.map((record) => record.planYear).filter((year) => year !== scope.planYear);
    const found = await Promise.all(
      otherYears.map(async (year) =>
        (await store.getDirection(scope.ijb.id, year, ref)) ? year : undefined,
      ),
    );
    return {
      kind: 'missing',
      scope,
      ref,
      suggestions:
        (loose.length > 1 ? loose : undefined) ??
        nearestRefs(
          ref,
          known.map((direction) => direction.ref),
        ),
      inOtherYears: found.filter((year): year is PlanYear => year !== undefined).sort(),
    };
  };

  const search = async (scope: Scope, words: string): Promise<SearchHit[]> =>
    searchDirections(await store.listDirections(scope.ijb.id, scope.planYear), words);

  const list = async (scope: Scope): Promise<DirectionView[]> =>
    (await store.listDirections(scope.ijb.id, scope.planYear)).map((direction) => viewOf(direction, scope));

  const dueBetween = async (scope: Scope, from: LocalDate | undefined, to: LocalDate): Promise<DueResult> => {
    const entries = await store.listDue(scope.ijb.id, scope.planYear, from ? { from, to } : { to });
    const directions = await store.getDirections(
      scope.ijb.id,
      scope.planYear,
      entries.map((entry) => entry.ref),
    );
    const byRef = new Map(directions.filter((d) => isOpen(d.status)).map((d) => [d.ref, viewOf(d, scope)]));
    const groups = new Map<LocalDate, DueGroup>();
    for (const entry of entries) {
      const view = byRef.get(entry.ref);
      const deadline = view?.deadlines[entry.deadlineIndex];
      if (!view || !deadline?.standing) continue;
      const group = groups.get(entry.dueDate) ?? {
        dueDate: entry.dueDate,
        standing: deadline.standing,
        directions: [],
      };
      if (!group.directions.includes(view)) group.directions.push(view);
      groups.set(entry.dueDate, group);
    }
    return { scope, ...(from ? { from } : {}), to, groups: [...groups.values()] };
  };

  const due = (scope: Scope, window: DueWindow): Promise<DueResult> => {
    if (window.kind === 'days') return dueBetween(scope, scope.today, addDays(scope.today, window.days));
    const thisMonth = Number(scope.today.slice(5, 7));
    const thisYear = Number(scope.today.slice(0, 4));
    const year = window.year ?? (window.month >= thisMonth ? thisYear : thisYear + 1);
    return dueBetween(scope, firstDayOfMonth(year, window.month), lastDayOfMonth(year, window.month));
  };

  const overdue = (scope: Scope): Promise<DueResult> =>
    dueBetween(scope, undefined, addDays(scope.today, -1));

  const index = reusedFor(profileCacheMs, (_all: string) => loadRegisterIndex(store));
  const locate = (ref: string, place: Place = {}): Promise<LocateResult> =>
    locateRef({ index: () => index('all'), profile, scope, show, defaultIjbId }, ref, place);

  /** A list with filters in plain words: due and overdue from the due index, the rest from the year. */
  const listFiltered = async (
    scope: Scope,
    kind: ListKind,
    filter: Filter,
    userId?: string,
  ): Promise<FilteredList> => {
    const label = describeFilter(kind, filter, scope, DEFAULT_DUE_DAYS);
    const dated = kind === 'due' || kind === 'overdue' || filter.time;
    if (!dated) {
      const directions = await store.listDirections(scope.ijb.id, scope.planYear);
      const keep = directionFilter(filter, directions, userId);
      return { kind: 'views', label, scope, views: directions.filter(keep).map((d) => viewOf(d, scope)) };
    }
    const window = windowDays(filter.time ?? { kind: 'days', days: DEFAULT_DUE_DAYS }, scope.today);
    const yesterday = addDays(scope.today, -1);
    const result =
      kind === 'overdue'
        ? await dueBetween(
            scope,
            filter.time && window.from < scope.today ? window.from : undefined,
            yesterday,
          )
        : await dueBetween(scope, window.from, window.to);
    const directions = result.groups.flatMap((group) => group.directions.map((view) => view.direction));
    const keep = directionFilter(filter, directions, userId);
    const groups = result.groups
      .map((group) => ({ ...group, directions: group.directions.filter((view) => keep(view.direction)) }))
      .filter((group) => group.directions.length > 0);
    return { kind: 'due', label, result: { ...result, groups } };
  };

  /** The scope a text points at: an IJB named in it (said plainly when not loaded), a year in any IJB. */
  const scopeFor = async (place: Place): Promise<ScopeResult> => {
    if (place.ijbId && !(await profile(place.ijbId))?.latestPlanYear) {
      const loaded = (await index('all')).ijbs
        .filter((ijb) => ijb.latestPlanYear)
        .map((ijb) => ijb.shortName);
      const name = place.ijbName ?? place.ijbId;
      return {
        ok: false,
        problem: `${name}'s register is not loaded here. Loaded: ${loaded.join(', ') || 'none yet'}.`,
      };
    }
    const first = await scope({
      ...(place.ijbId ? { ijbId: place.ijbId } : {}),
      ...(place.planYear ? { planYear: place.planYear } : {}),
    });
    if (first.ok || place.ijbId || !place.planYear) return first;
    const held = await index('all');
    const other = held.ijbs.find((ijb) => held.years.get(ijb.id)?.includes(place.planYear ?? ''));
    return other ? scope({ ijbId: other.id, planYear: place.planYear }) : first;
  };

  return { defaultIjbId, scope, scopeFor, isIjb, show, search, list, due, overdue, locate, listFiltered };
}

/** `load`, remembered per key for `ms` milliseconds. */
function reusedFor<T>(ms: number, load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const kept = new Map<string, { value: T; until: number }>();
  return async (key) => {
    const now = Date.now();
    const cached = kept.get(key);
    if (cached && cached.until > now) return cached.value;
    const value = await load(key);
    kept.set(key, { value, until: now + ms });
    return value;
  };
}
