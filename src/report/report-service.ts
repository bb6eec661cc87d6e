import * as z from 'zod';
import { type Direction, IjbIdSchema, refKey } from '../domain/direction';
import type { Ijb } from '../domain/ijb';
import { londonDay } from '../domain/local-date';
import type { DirectionOutcome } from '../domain/outcome';
import { type PlanYear, PlanYearSchema } from '../domain/plan-year';
import { type ReviewRound, type RoundSnapshotEntry, roundIdOf } from '../domain/review-round';
import { calendarFor } from '../register/calendars';
import { type BoardReport, composeBoardReport } from './board-report';
import { reportCsv } from './formats/csv';
import { reportJson } from './formats/json';
import { reportMarkdown } from './formats/markdown';

export const ReportFormatSchema = z.enum(['docx', 'csv', 'md', 'json']);
export type ReportFormat = z.infer<typeof ReportFormatSchema>;

export const BoardReportRequestSchema = z.object({
  ijb: IjbIdSchema,
  year: PlanYearSchema,
  round: z.string().trim().min(1).max(100).optional(),
  format: ReportFormatSchema,
});
export type BoardReportRequest = z.infer<typeof BoardReportRequestSchema>;

export interface ReportFile {
  filename: string;
  contentType: string;
  bytes: Uint8Array;
}

/** What the report reads: the IJB and one year's register partition (directions and outcomes). */
export interface ReportSources {
  getIjb(ijbId: string): Promise<Ijb | undefined>;
  readYear(
    ijbId: string,
    planYear: PlanYear,
  ): Promise<{ directions: Direction[]; outcomes: DirectionOutcome[] }>;
}

/** Review rounds and their snapshots, for a report of a round. */
export interface RoundSources {
  get(ijbId: string, roundId: string): Promise<(ReviewRound & { closings: number }) | undefined>;
  snapshot(ijbId: string, roundId: string, closing: number): Promise<RoundSnapshotEntry[]>;
}

export interface ReportDeps {
  sources: ReportSources;
  clock: () => Date;
  /** Without it, a report names no round. */
  rounds?: RoundSources;
  /**
   * People's display names for lead ids, looked up when the paper is made (Slack's users.info)
   * and never stored; without it, or for an id it cannot name, the paper shows the id.
   */
  leadNames?: (ids: readonly string[]) => Promise<Map<string, string>>;
}

export class ReportError extends Error {
  override name = 'ReportError';
}

const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** The report's view, from the register as it stands today. */
export async function loadBoardReport(
  deps: ReportDeps,
  request: Omit<BoardReportRequest, 'format'>,
): Promise<BoardReport> {
  const ijb = await deps.sources.getIjb(request.ijb);
  if (!ijb) throw new ReportError(`There is no IJB "${request.ijb}" in the register.`);
  const year = await deps.sources.readYear(ijb.id, request.year);
  const today = londonDay(deps.clock());
  if (request.round) {
    const round = await deps.rounds?.get(ijb.id, roundIdOf(request.round));
    if (!round || round.planYear !== request.year)
      throw new ReportError(`${ijb.shortName} has no review round "${request.round}" of ${request.year}.`);
    return roundReport(deps, ijb, round, year.directions, today);
  }
  const { directions, outcomes } = year;
  if (directions.length === 0 && outcomes.length === 0)
    throw new ReportError(`${ijb.shortName} has no directions or outcomes for ${request.year}.`);
  return composeBoardReport({
    ijb,
    planYear: request.year,
    basis: { kind: 'register', asOf: today },
    generatedOn: today,
    directions,
    outcomes,
    calendar: calendarFor(ijb),
    ...(await leadNameOf(deps, directions)),
  });
}

/** The `leadName` of a report: names resolved once for every lead of its directions. */
async function leadNameOf(
  deps: ReportDeps,
  directions: readonly Direction[],
): Promise<{ leadName?: (id: string) => string }> {
  if (!deps.leadNames) return {};
  const ids = [...new Set(directions.flatMap((direction) => direction.leads))].sort();
  if (ids.length === 0) return {};
  const names = await deps.leadNames(ids).catch(() => new Map<string, string>());
  return { leadName: (id) => names.get(id) ?? id };
}

/**
 * A closed round reports its snapshot (the register's paper fields, the snapshot's status,
 * update and leads); an open one the register as it is, marked DRAFT.
 */
async function roundReport(
  deps: ReportDeps,
  ijb: Ijb,
  round: ReviewRound & { closings: number },
  registered: Direction[],
  today: string,
): Promise<BoardReport> {
  const inRound = new Set(round.refs.map(refKey));
  let directions = registered.filter((direction) => inRound.has(refKey(direction.ref)));
  if (round.state === 'closed') {
    const entries = new Map(
      (await deps.rounds?.snapshot(ijb.id, round.id, round.closings))?.map((entry) => [
        refKey(entry.ref),
        entry,
      ]),
    );
    directions = directions.flatMap((direction) => {
      const entry = entries.get(refKey(direction.ref));
      if (!entry) return [];
      // Progress as at the close, per partner too: today's bodies do not leak into the snapshot.
      const { latestUpdate: _now, bodies: _bodiesNow, ...paper } = direction;
      return [
        {
          ...paper,
          status: entry.status,
          leads: entry.leads,
          ...(entry.latestUpdate ? { latestUpdate: entry.latestUpdate } : {}),
          ...(entry.bodies ? { bodies: entry.bodies } : {}),
        },
      ];
    });
  }
  return composeBoardReport({
    ijb,
    planYear: round.planYear,
    basis: {
      kind: 'round',
      name: round.name,
      state: round.state === 'closed' ? 'closed' : 'open',
      closes: round.closes,
      ...(round.closedAt ? { closedAt: round.closedAt } : {}),
    },
    generatedOn: today,
    directions,
    outcomes: [],
    calendar: calendarFor(ijb),
    returnsSince: round.openedAt,
    ...(await leadNameOf(deps, directions)),
  });
}

/** Renders the view in one format. Word is loaded on first use: it stays out of cold starts. */
export async function renderBoardReport(report: BoardReport, format: ReportFormat): Promise<ReportFile> {
  const bytes = await (async () => {
    switch (format) {
      case 'csv':
        return reportCsv(report.rows);
      case 'json':
        return reportJson(report);
      case 'md':
        return reportMarkdown(report);
      case 'docx': {
        const { reportDocx } = await import('./docx/document');
        return reportDocx(report);
      }
    }
  })();
  return { filename: filenameOf(report, format), contentType: CONTENT_TYPES[format], bytes };
}

/**
 * The board paper in one call, for every surface (CLI, Slack, HTTP): validates the request,
 * reads the register, renders. Throws ReportError with a sentence for the person asking.
 */
export async function buildBoardReport(deps: ReportDeps, request: BoardReportRequest): Promise<ReportFile> {
  const parsed = BoardReportRequestSchema.safeParse(request);
  if (!parsed.success) throw new ReportError(parsed.error.issues.map((issue) => issue.message).join('; '));
  const report = await loadBoardReport(deps, parsed.data);
  return renderBoardReport(report, parsed.data.format);
}

function filenameOf(report: BoardReport, format: ReportFormat): string {
  const on = report.basis.kind === 'register' ? report.basis.asOf : slug(report.basis.name);
  return `${report.ijb.id}-directions-${report.planYear}-outcomes-${on}.${format}`;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
