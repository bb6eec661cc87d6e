import { createHash } from 'node:crypto';
import { IjbIdSchema, type IssuedDirection } from '../domain/direction';
import type { Ijb } from '../domain/ijb';
import type { Milestone } from '../domain/milestone';
import type { DirectionOutcome } from '../domain/outcome';
import { type PlanYear, PlanYearSchema } from '../domain/plan-year';
import { IJB_PROFILES, type IjbProfile } from '../register/ijb-profiles';
import type { ImportStore, YearSnapshot } from '../store/import-store';
import type { RegisterStore } from '../store/register-store';
import { applyPlan } from './apply';
import { parseCanonical } from './canonical';
import { diffPaper, type ImportDiff } from './diff';
import { linkPreviousDirections } from './link-previous';
import { type ParsedPaper, parsePaper } from './parse/paper';
import { paperIjb, paperPlanYear } from './parse/paper-identity';
import type { ImportProblem, ImportWarning } from './parse/types';
import { isEmptyPlan, planWrites, type WritePlan } from './plan-writes';
import { readPaperFile } from './read-file';

export interface ImportDeps {
  store: RegisterStore;
  imports: ImportStore;
  clock: () => Date;
}

export interface ImportRequest {
  bytes: Uint8Array;
  fileName: string;
  /** Optional when the paper says whose it is ("Glasgow City Integration Joint Board"). */
  ijbId?: string;
  /** Optional when the paper says its year (its title, or the date its forms take effect). */
  planYear?: string;
  dryRun: boolean;
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

  // The register's profile and the file's contents are independent: read both at once.
  const [stored, file] = await Promise.all([
    ijbId?.data ? deps.store.getIjb(ijbId.data) : undefined,
    readPaperFile(request.bytes, request.fileName),
  ]);
  if (!file.ok) return { status: 'refused', problems: [file.problem], warnings: [] };
  const doc = 'doc' in file ? file.doc : undefined;
  const profileOf = ({ latestPlanYear: _latest, ...profile }: Ijb): IjbProfile => profile;
  let ijb: IjbProfile | undefined = stored
    ? profileOf(stored)
    : ijbId?.data
      ? IJB_PROFILES[ijbId.data]
      : undefined;
  if (ijbId?.data && !ijb)
    return refused(
      `There is no IJB "${ijbId.data}".`,
      `Use one of: ${Object.keys(IJB_PROFILES).join(', ')}, or add it with npm run ijb -- add.`,
    );
  if (!ijb) {
    const registered = (await deps.store.listIjbs()).map(profileOf);
    const profiles = [
      ...Object.values(IJB_PROFILES).filter((known) => !registered.some((r) => r.id === known.id)),
      ...registered,
    ];
    ijb = doc ? paperIjb(doc, profiles) : undefined;
    if (!ijb)
      return refused(
        'The paper does not say clearly which IJB issued it.',
        `Say it with --ijb (one of: ${Object.keys(IJB_PROFILES).join(', ')}).`,
      );
  }
  const year = planYear?.data ?? (doc ? paperPlanYear(doc) : undefined);
  if (!year)
    return refused(
      'The paper does not say which plan year it is for.',
      'Say it with --year, like --year 2025-26.',
    );
  const fromPaper = { ...(ijbId ? {} : { ijb: true }), ...(planYear ? {} : { planYear: true }) };

  const source = request.fileName.split(/[\\/]/).at(-1) ?? request.fileName;
  const paper =
    'doc' in file ? parsePaper(file.doc, ijb, year, source) : parseCanonical(file.kind, file.text, ijb, year);
  if (paper.problems.length > 0)
    return { status: 'refused', problems: paper.problems, warnings: paper.warnings };
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
  const written = await writePaperContents(deps, {
    ijb,
    planYear: year,
    contents,
    source,
    by: request.by,
    sha256,
    dryRun: request.dryRun,
  });
  return { ...written, paper, warnings: paper.warnings, sha256, fromPaper };
}

function refused(message: string, hint: string): ImportResult {
  return { status: 'refused', problems: [{ message, hint }], warnings: [] };
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
  if (isEmptyPlan(plan, diff)) return { status: 'unchanged', ...result };

  const now = deps.clock();
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
  await deps.imports.putImportRecord({
    ijbId: ijb.id,
    planYear,
    at: now.toISOString(),
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
  });
  return { status: 'applied', ...result };
}
