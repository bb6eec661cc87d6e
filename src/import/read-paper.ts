import { normalisePlanYear, type PlanYear } from '../domain/plan-year';
import type { IjbProfile } from '../register/ijb-profiles';
import { parseCanonical } from './canonical';
import { MAX_DIRECTIONS, SPLIT_HINT } from './limits';
import { type ParsedPaper, paperYear, parsePaper } from './parse/paper';
import { paperIjb, paperPlanYear } from './parse/paper-identity';
import type { ImportProblem } from './parse/types';
import { readPaperFile } from './read-file';

export interface PaperReadRequest {
  bytes: Uint8Array;
  fileName: string;
  /** Whose paper, when the officer said; otherwise read from the paper, among `profiles`. */
  ijb?: IjbProfile;
  /** The plan year, when the officer said; otherwise read from the paper. */
  planYear?: PlanYear;
  /** The IJBs a paper may name as its issuer, when `ijb` is not given. */
  profiles?: readonly IjbProfile[];
  /** The file's name without its folders, as the register records it. */
  source: string;
}

/** A paper read and parsed, or why it was not; problems of the paper itself are in `paper.problems`. */
export type PaperReading =
  | { ok: true; paper: ParsedPaper; ijb: IjbProfile; planYear: PlanYear }
  | { ok: false; problem: ImportProblem };

export type YearReading = { ok: true; year?: PlanYear } | { ok: false; problem: ImportProblem };

/**
 * Reading and parsing a paper: the part of an import that a hostile file could make huge. The
 * composition decides where it runs — in a worker thread with a memory ceiling locally
 * (./read-in-worker.ts), in the worker Lambda itself on AWS (its own 1 GB, one file at a time).
 */
export interface PaperReader {
  read(request: PaperReadRequest): Promise<PaperReading>;
  /** The plan year the paper's title names, when the officer did not say. */
  yearOf(bytes: Uint8Array, fileName: string): Promise<YearReading>;
}

export async function readAndParsePaper(request: PaperReadRequest): Promise<PaperReading> {
  const file = await readPaperFile(request.bytes, request.fileName);
  if (!file.ok) return file;
  const doc = 'doc' in file ? file.doc : undefined;
  const ijb = request.ijb ?? (doc ? paperIjb(doc, request.profiles ?? []) : undefined);
  if (!ijb)
    return {
      ok: false,
      problem: {
        message: 'The paper does not say clearly which IJB issued it.',
        hint: `Say it with --ijb (one of: ${(request.profiles ?? []).map((p) => p.id).join(', ')}).`,
      },
    };
  const planYear = request.planYear ?? (doc ? paperPlanYear(doc) : undefined);
  if (!planYear)
    return {
      ok: false,
      problem: {
        message: 'The paper does not say which plan year it is for.',
        hint: 'Say it with --year, like --year 2025-26.',
      },
    };
  const paper =
    'doc' in file
      ? parsePaper(file.doc, ijb, planYear, request.source)
      : parseCanonical(file.kind, file.text, ijb, planYear);
  if (paper.directions.length > MAX_DIRECTIONS)
    return {
      ok: false,
      problem: {
        message: `${request.fileName} has ${paper.directions.length.toLocaleString('en-GB')} directions; a real paper has tens, and up to ${MAX_DIRECTIONS.toLocaleString('en-GB')} are imported.`,
        hint: SPLIT_HINT,
      },
    };
  return { ok: true, paper, ijb, planYear };
}

export async function yearOfPaperFile(bytes: Uint8Array, fileName: string): Promise<YearReading> {
  const file = await readPaperFile(bytes, fileName);
  if (!file.ok) return file;
  if ('doc' in file) {
    const year = paperYear(file.doc)?.year;
    return year ? { ok: true, year } : { ok: true };
  }
  if (file.kind === 'json') {
    try {
      const year = (JSON.parse(file.text) as { planYear?: unknown }).planYear;
      return typeof year === 'string' ? { ok: true, year: normalisePlanYear(year) } : { ok: true };
    } catch {
      return { ok: true };
    }
  }
  return { ok: true };
}

/** Reads in this thread: for the worker Lambda, tests, and the worker thread itself. */
export const inProcessReader: PaperReader = { read: readAndParsePaper, yearOf: yearOfPaperFile };
