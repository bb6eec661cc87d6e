import type { Direction } from '../domain/direction';
import type { PlanYear } from '../domain/plan-year';
import type { IjbProfile } from '../register/ijb-profiles';
import type { ImportStore } from '../store/import-store';
import type { PlanYearRecord, RegisterStore } from '../store/register-store';
import { PAPER_FIELDS, paperFieldsOf } from './diff';
import { eachPaced } from './paced';
import type { WritePlan } from './plan-writes';

export interface ApplyInput {
  ijb: IjbProfile;
  planYear: PlanYear;
  title: string;
  source: string;
  by: string;
  now: Date;
  directionCount: number;
  milestoneCount: number;
  newYear: boolean;
  record?: PlanYearRecord;
}

export class ImportConflictError extends Error {
  override name = 'ImportConflictError';
}

/**
 * Writes a worked-out plan, paced (a few writes in flight, each retried when DynamoDB is busy).
 * The year is marked not live while this runs (ImportStore.beginImport). Without transactions, the order is what keeps it whole: the
 * directions, their revisions and deadline entries, milestones and outcomes first; the plan-year
 * record and the IJB's latest year last. A new year is invisible until that last write; in a
 * year already loaded every write is conditional or idempotent, and the plan is worked out from
 * what the register holds, so running the import again after a crash writes what is missing.
 */
export async function applyPlan(
  register: RegisterStore,
  imports: ImportStore,
  plan: WritePlan,
  input: ApplyInput,
): Promise<void> {
  const { ijb, planYear, now } = input;
  const at = now.toISOString();
  // New directions in batches, in a new year with their deadlines and milestones. Unconditional
  // puts are safe in a year already loaded too: the directions are new to it (the plan is worked
  // out from what it holds), nobody can report on them yet, and the year is not live meanwhile.
  await imports.putAll(ijb.id, planYear, {
    directions: plan.newDirections,
    ...(input.newYear ? { dueEntries: plan.duePuts, milestones: plan.milestonePuts } : {}),
  });

  await eachPaced(plan.revisions, async (change) => {
    const { before, after } = change;
    const revision = before.paperRevision ?? 1;
    await imports.putRevision(ijb.id, planYear, {
      ref: before.ref,
      revision,
      replacedAt: at,
      replacedBy: input.source,
      fields: paperFieldsOf(before),
    });
    const next = paperFieldsOf(after);
    const remove = PAPER_FIELDS.filter((name) => next[name] === undefined && before[name] !== undefined);
    await update(imports, ijb.id, planYear, before, { ...next, paperRevision: revision + 1 }, remove);
  });
  await eachPaced(plan.dropped, (direction) =>
    update(imports, ijb.id, planYear, direction, { notInPaper: { since: at, source: input.source } }),
  );
  await eachPaced(plan.returned, (direction) =>
    update(imports, ijb.id, planYear, direction, {}, ['notInPaper']),
  );
  await eachPaced(plan.lifecycles, (write) =>
    update(imports, ijb.id, write.planYear, write.direction, {
      lifecycle: write.lifecycle,
      supersededBy: write.supersededBy,
    }),
  );

  if (!input.newYear) {
    await imports.putDueEntries(ijb.id, planYear, plan.duePuts);
    await imports.putAll(ijb.id, planYear, { milestones: plan.milestonePuts });
  }
  await imports.deleteDueEntries(ijb.id, planYear, plan.dueDeletes);
  await imports.deleteMilestones(ijb.id, planYear, plan.milestoneDeletes);
  await imports.putOutcomes(ijb.id, plan.outcomePuts);

  // The commit marker: the plan-year record, the profile and the latest year, as for a new load.
  await register.writePlanYear({
    ijb: { ...ijb },
    record: {
      ijbId: ijb.id,
      planYear,
      title: input.title,
      source: input.source,
      loadedAt: input.record?.loadedAt ?? at,
      directionCount: input.directionCount,
      milestoneCount: input.milestoneCount,
      ...(input.newYear ? {} : { updatedAt: at }),
    } as PlanYearRecord,
    directions: [],
    dueEntries: [],
  });
}

/**
 * Optimistic locking on the version read. A conflict means someone (a progress update, say)
 * wrote the direction since: the paper's attributes are theirs to keep, so re-read and retry.
 */
async function update(
  imports: ImportStore,
  ijbId: string,
  planYear: PlanYear,
  direction: Direction,
  set: Record<string, unknown>,
  remove: readonly string[] = [],
): Promise<void> {
  let version = direction.version;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await imports.updateDirection(ijbId, planYear, direction.ref, version, set, remove)) return;
    const fresh = (await imports.readYear(ijbId, planYear)).directions.find(
      (other) => other.ref.toLowerCase() === direction.ref.toLowerCase(),
    );
    if (!fresh) throw new ImportConflictError(`${direction.ref} disappeared while importing`);
    version = fresh.version;
  }
  throw new ImportConflictError(`${direction.ref} kept changing while importing; run the import again`);
}
