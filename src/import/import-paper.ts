import { createHash } from 'node:crypto';
import { IjbIdSchema, type IssuedDirection } from '../domain/direction';
import type { Ijb } from '../domain/ijb';
import type { Milestone } from '../domain/milestone';
import type { DirectionOutcome } from '../domain/outcome';
import { type PlanYear, PlanYearSchema } from '../domain/plan-year';
import { IJB_PROFILES, type IjbProfile } from '../register/ijb-profiles';
import type { ImportRecord, ImportStore, YearSnapshot } from '../store/import-store';
import type { RegisterStore } from '../store/register-store';
import { applyPlan } from './apply';
import { diffPaper, type ImportDiff } from './diff';
import { leadAgencyWarnings } from './lead-agency';
import { linkPreviousDirections } from './link-previous';
import type { ParsedPaper } from './parse/paper';
import type { ImportProblem, ImportWarning } from './parse/types';
import { isEmptyPlan, planWrites, type WritePlan } from './plan-writes';
import { inProcessReader, type PaperReader } from './read-paper';

export interface ImportDeps {
  store: RegisterStore;
  imports: ImportStore;
  clock: () => Date;
  /** Where papers are read and parsed (a worker thread locally); in this thread when unset. */
  reader?: PaperReader;
}

export interface ImportRequest {
  bytes: Uint8Array;
  fileName: string;
  /** Optional when the paper says whose it is ("Glasgow City Integration Joint Board"). */
  ijbId?: string;
  /** Optional when the paper says its year (its title, or the date its forms take effect). */
  planYear?: string;
  dryRun: boolean;
  /** Only complete the year's unfinished import (of this same file); refuse when there is none. */
  resume?: boolean;
  /** Who imports: a Slack user id, or the person at the terminal. */
  by: string;
}

export type ImportResult =
  | { status: 'refused'; problems: ImportProblem[]; warnings: ImportWarning[] }
  | {
      status: 'dry-run' | 'applied' | 'unchanged';
      ijb: IjbProfile;
      planYear: string;
      paper: ParsedPaper;
      diff: ImportDiff;
      plan: WritePlan;
      warnings: ImportWarning[];
      sha256: string;
      /** What the importer read from the paper itself rather than from the request: confirm it. */
      fromPaper: { ijb?: boolean; planYear?: boolean };
    };

/**
 * Imports a Directions paper: read, parse and validate all of it first; refuse with every
 * problem when any; otherwise work out the writes against the register and (unless a dry run)
 * make them. Importing the same paper again finds nothing to write.
 */
export async function importPaper(deps: ImportDeps, request: ImportRequest): Promise<ImportResult> {
  const problems: ImportProblem[] = [];
  const ijbId = request.ijbId === undefined ? undefined : IjbIdSchema.safeParse(request.ijbId);
  const planYear = request.planYear === undefined ? undefined : PlanYearSchema.safeParse(request.planYear);
  if (ijbId && !ijbId.success)
    problems.push({
      message: `"${request.ijbId}" is not an IJB id.`,
      hint: `Use one of: ${Object.keys(IJB_PROFILES).join(', ')}.`,
    });
  if (planYear && !planYear.success)
    problems.push({
      message: `"${request.planYear}" is not a plan year.`,
      hint: 'Write the financial year like 2023-24.',
    });
  if (problems.length > 0) return { status: 'refused', problems, warnings: [] };

  const stored = ijbId?.data ? await deps.store.getIjb(ijbId.data) : undefined;
  const profileOf = ({ latestPlanYear: _latest, ...profile }: Ijb): IjbProfile => profile;
  const named: IjbProfile | undefined = stored
    ? profileOf(stored)
    : ijbId?.data
      ? IJB_PROFILES[ijbId.data]
      : undefined;
  if (ijbId?.data && !named)
    return refused(
      `There is no IJB "${ijbId.data}".`,
      `Use one of: ${Object.keys(IJB_PROFILES).join(', ')}, or add it with npm run ijb -- add.`,
    );
  let profiles: IjbProfile[] = [];
  if (!named) {
    const registered = (await deps.store.listIjbs()).map(profileOf);
    profiles = [
      ...Object.values(IJB_PROFILES).filter((known) => !registered.some((r) => r.id === known.id)),
      ...registered,
    ];
  }
  const fromPaper = { ...(ijbId ? {} : { ijb: true }), ...(planYear ? {} : { planYear: true }) };

  const source = request.fileName.split(/[\\/]/).at(-1) ?? request.fileName;
  const reading = await (deps.reader ?? inProcessReader).read({
    bytes: request.bytes,
    fileName: request.fileName,
    ...(named ? { ijb: named } : { profiles }),
    ...(planYear?.data ? { planYear: planYear.data } : {}),
    source,
  });
  if (!reading.ok) return { status: 'refused', problems: [reading.problem], warnings: [] };
  const { paper, ijb, planYear: year } = reading;
  // A paper named by the officer was checked against its profile; one read from the paper needs its stored profile.
  const profile = named ? stored : await deps.store.getIjb(ijb.id);
  if (paper.problems.length > 0)
    return { status: 'refused', problems: paper.problems, warnings: paper.warnings };
  paper.warnings.push(...leadAgencyWarnings(ijb, paper));
  paper.warnings.push(
    ...(await linkPreviousDirections(deps.store, {
      ijbId: ijb.id,
      planYear: year,
      source,
      directions: paper.directions,
      outcomes: paper.outcomes,
    })),
  );

  const strip = <T extends { at: unknown }>({ at: _at, ...rest }: T) => rest;
  const contents = {
    directions: paper.directions.map(strip),
    milestones: paper.milestones.map(strip),
    outcomes: paper.outcomes.map(strip),
  };
  const sha256 = createHash('sha256').update(request.bytes).digest('hex');
  // Only a year its profile marks as being imported can have an import to complete: no extra read otherwise.
  const unfinished = profile?.importingYears?.includes(year)
    ? await deps.imports.unfinishedImport(ijb.id, year)
    : undefined;
  const blocked = unfinishedProblem(unfinished, sha256, request.resume === true, ijb, year);
  if (blocked) return { status: 'refused', problems: [blocked], warnings: paper.warnings };
  const written = await writePaperContents(deps, {
    ijb,
    planYear: year,
    contents,
    source,
    by: request.by,
    sha256,
    dryRun: request.dryRun,
    ...(unfinished ? { unfinished } : {}),
  });
  return { ...written, paper, warnings: paper.warnings, sha256, fromPaper };
}

function refused(message: string, hint: string): ImportResult {
  return { status: 'refused', problems: [{ message, hint }], warnings: [] };
}

/**
 * An import that stopped part-way is completed by the same file (the plan is worked out from
 * what the register holds, so the rerun writes what is missing); another file would leave the
 * first one's directions behind, so it waits until that one is completed.
 */
function unfinishedProblem(
  unfinished: ImportRecord | undefined,
  sha256: string,
  resume: boolean,
  ijb: IjbProfile,
  planYear: PlanYear,
): ImportProblem | undefined {
  if (!unfinished)
    return resume
      ? {
          message: `There is no unfinished import of ${ijb.shortName} ${planYear} to resume.`,
          hint: 'Run the import without --resume.',
        }
      : undefined;
  if (unfinished.sha256 === sha256) return undefined;
  return {
    message: `The import of ${unfinished.source} into ${ijb.shortName} ${planYear} (started ${unfinished.at} by ${unfinished.by}) stopped before it finished, and this is a different file.`,
    hint: `Complete it first: import ${unfinished.source} again (or with --resume); then import this file.`,
  };
}

export interface PaperContents {
  directions: IssuedDirection[];
  milestones: Milestone[];
  outcomes: DirectionOutcome[];
}

/**
 * Works out what a paper's contents change in the register and, unless a dry run, writes it.
 * The shipped seed data is loaded through here too.
 */
export async function writePaperContents(
  deps: ImportDeps,
  input: {
    ijb: IjbProfile;
    planYear: PlanYear;
    contents: PaperContents;
    source: string;
    by: string;
    sha256: string;
    dryRun: boolean;
    title?: string;
    /** The record of this import begun earlier and not finished: completed now. */
    unfinished?: ImportRecord;
  },
): Promise<{
  status: 'dry-run' | 'applied' | 'unchanged';
  ijb: IjbProfile;
  planYear: PlanYear;
  diff: ImportDiff;
  plan: WritePlan;
}> {
  const { ijb, planYear, contents } = input;
  const snapshot = await deps.imports.readYear(ijb.id, planYear);
  const otherYears = new Map<string, YearSnapshot>();
  for (const year of new Set(contents.outcomes.map((outcome) => outcome.planYear)))
    if (year !== planYear) otherYears.set(year, await deps.imports.readYear(ijb.id, year));
  const storedOutcomes = [snapshot, ...otherYears.values()].flatMap((year) => year.outcomes);
  const diff = diffPaper(snapshot, contents, storedOutcomes);
  const plan = planWrites({ ijb, planYear, diff, snapshot, otherYears, paperOutcomes: contents.outcomes });
  const result = { ijb, planYear, diff, plan };
  if (input.dryRun) return { status: 'dry-run', ...result };
  if (isEmptyPlan(plan, diff) && !input.unfinished) return { status: 'unchanged', ...result };

  const now = deps.clock();
  const record: ImportRecord = {
    ijbId: ijb.id,
    planYear,
    at: input.unfinished?.at ?? now.toISOString(),
    by: input.by,
    source: input.source,
    sha256: input.sha256,
    summary: {
      added: diff.added.length,
      changed: diff.changed.length,
      unchanged: diff.unchanged.length,
      notInPaper: diff.dropped.length,
      milestones: contents.milestones.length,
      outcomes: contents.outcomes.length,
    },
  };
  // Written before the first direction: the record says an import is under way, and the year
  // is not live until finishImport, so nothing reads a half-written year.
  if (!input.unfinished) await deps.imports.beginImport(record);
  await applyPlan(deps.store, deps.imports, plan, {
    ijb,
    planYear,
    title: input.title ?? `${ijb.shortName} IJB Directions ${planYear}`,
    source: input.source,
    by: input.by,
    now,
    directionCount: contents.directions.length,
    milestoneCount: contents.milestones.length,
    newYear: diff.newYear,
    ...(snapshot.record ? { record: snapshot.record } : {}),
  });
  await deps.imports.finishImport(
    input.unfinished ? { ...record, summary: input.unfinished.summary } : record,
  );
  return { status: 'applied', ...result };
}
