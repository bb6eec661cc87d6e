import { writePaperContents } from '../import/import-paper';
import type { ImportStore } from '../store/import-store';
import type { RegisterStore } from '../store/register-store';
import { loadNewPlanYear } from './load-plan-year';
import { type PlanYearFile, PlanYearFileSchema } from './plan-year-file';
import eastLothian201920 from './seed/east-lothian-2019-20.json' with { type: 'json' };
import midlothian202324 from './seed/midlothian-2023-24.json' with { type: 'json' };

/** The plan years the product ships with, made by the importer from the seed papers (`npm run seed`). */
export const SEED_PLAN_YEARS: PlanYearFile[] = [
  PlanYearFileSchema.parse(midlothian202324),
  PlanYearFileSchema.parse(eastLothian201920),
];

/**
 * Loads each shipped plan year the register does not have yet; leaves loaded ones alone. With
 * the import store it loads them whole (milestones, earlier years' outcomes); without it, the
 * directions only.
 */
export async function seedRegister(
  store: RegisterStore,
  now: Date,
  imports?: ImportStore,
): Promise<string[]> {
  const seeded: string[] = [];
  for (const file of SEED_PLAN_YEARS) {
    const years = await store.listPlanYears(file.ijb.id);
    if (years.some((year) => year.planYear === file.planYear)) continue;
    if (imports)
      await writePaperContents(
        { store, imports, clock: () => now },
        {
          ijb: file.ijb,
          planYear: file.planYear,
          contents: {
            directions: file.directions,
            milestones: file.milestones ?? [],
            outcomes: file.outcomes ?? [],
          },
          source: file.source,
          by: 'seed',
          sha256: '',
          dryRun: false,
          title: file.title,
        },
      );
    else await loadNewPlanYear(store, file, now);
    seeded.push(`${file.ijb.id} ${file.planYear}`);
  }
  return seeded;
}
