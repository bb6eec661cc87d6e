import type { RegisterStore } from '../store/register-store';
import { loadNewPlanYear } from './load-plan-year';
import { type PlanYearFile, PlanYearFileSchema } from './plan-year-file';
import midlothian202324 from './seed/midlothian-2023-24.json' with { type: 'json' };

/** The plan years the product ships with. */
export const SEED_PLAN_YEARS: PlanYearFile[] = [PlanYearFileSchema.parse(midlothian202324)];

/** Loads each shipped plan year the register does not have yet; leaves loaded ones alone. */
export async function seedRegister(store: RegisterStore, now: Date): Promise<string[]> {
  const seeded: string[] = [];
  for (const file of SEED_PLAN_YEARS) {
    const years = await store.listPlanYears(file.ijb.id);
    if (years.some((year) => year.planYear === file.planYear)) continue;
    await loadNewPlanYear(store, file, now);
    seeded.push(`${file.ijb.id} ${file.planYear}`);
  }
  return seeded;
}
