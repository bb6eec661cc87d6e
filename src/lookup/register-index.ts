import { refKey } from '../domain/direction';
import type { Ijb } from '../domain/ijb';
import type { DirectionOutcome } from '../domain/outcome';
import type { PlanYear } from '../domain/plan-year';
import type { RegisterStore } from '../store/register-store';

/** Where a ref is in the register: a loaded direction, or an outcome-table line of an unloaded year. */
export interface RefPlace {
  ijbId: string;
  planYear: PlanYear;
  ref: string;
  /** Set when the year is not loaded and only a later paper's outcome table names the direction. */
  outcome?: DirectionOutcome;
}

/** Every ref of every IJB and year, loaded once and reused like the profiles. */
export interface RegisterIndex {
  ijbs: Ijb[];
  /** IJB id → its loaded plan years, newest first. */
  years: Map<string, PlanYear[]>;
  byRef: Map<string, RefPlace[]>;
  refsOf(ijbId: string, planYear: PlanYear): string[];
}

export async function loadRegisterIndex(store: RegisterStore): Promise<RegisterIndex> {
  const ijbs = await store.listIjbs();
  const years = new Map<string, PlanYear[]>();
  const byRef = new Map<string, RefPlace[]>();
  const perYear = new Map<string, string[]>();
  const add = (place: RefPlace) => {
    const key = refKey(place.ref);
    const list = byRef.get(key) ?? [];
    list.push(place);
    byRef.set(key, list);
  };
  await Promise.all(
    ijbs.map(async (ijb) => {
      const loaded = (await store.listPlanYears(ijb.id))
        .map((record) => record.planYear)
        .sort()
        .reverse();
      years.set(ijb.id, loaded);
      const linked = new Set<PlanYear>();
      await Promise.all(
        loaded.map(async (planYear) => {
          const directions = await store.listDirections(ijb.id, planYear);
          perYear.set(
            `${ijb.id}#${planYear}`,
            directions.map((direction) => direction.ref),
          );
          for (const direction of directions) {
            add({ ijbId: ijb.id, planYear, ref: direction.ref });
            for (const link of [...(direction.supersedes ?? []), ...(direction.supersededBy ?? [])])
              if (!loaded.includes(link.planYear)) linked.add(link.planYear);
          }
        }),
      );
      // Years only outcome tables speak of (D10i, 2018-19): found through the links to them.
      for (const planYear of linked)
        for (const outcome of await store.listOutcomes(ijb.id, planYear))
          add({ ijbId: ijb.id, planYear, ref: outcome.ref, outcome });
    }),
  );
  return { ijbs, years, byRef, refsOf: (ijbId, planYear) => perYear.get(`${ijbId}#${planYear}`) ?? [] };
}

/**
 * The places of `ref` in the order they are offered: the workspace's IJB before others, then
 * newer years before older, loaded directions before outcome-table lines.
 */
export function placesOf(index: RegisterIndex, ref: string, homeIjbId: string): RefPlace[] {
  return [...(index.byRef.get(refKey(ref)) ?? [])].sort(
    (a, b) =>
      Number(b.ijbId === homeIjbId) - Number(a.ijbId === homeIjbId) ||
      Number(a.outcome !== undefined) - Number(b.outcome !== undefined) ||
      b.planYear.localeCompare(a.planYear) ||
      a.ijbId.localeCompare(b.ijbId),
  );
}
