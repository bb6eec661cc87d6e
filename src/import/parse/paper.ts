import { IssuedDirectionSchema, refKey } from '../../domain/direction';
import { normalisePlanYear, type PlanYear } from '../../domain/plan-year';
import type { IjbProfile } from '../../register/ijb-profiles';
import { describeLocation, type SourceDocument } from '../source';
import { parseCodedTables } from './coded-table';
import { milestonesOf, parseDeliveryPlan } from './delivery-plan';
import { notDirections } from './genre';
import { parseNumberedList } from './numbered-list';
import { parseOutcomeTables } from './outcome-table';
import { checkIjb } from './paper-checks';
import { formsOf, parseStatutoryForms } from './statutory-form';
import type {
  ImportProblem,
  ImportWarning,
  ParseContext,
  ParsedDirection,
  ParsedMilestone,
  ParsedOutcome,
} from './types';
import { vocabularyOf } from './words';

export type PaperFamily = 'numbered-list' | 'coded-table' | 'statutory-form' | 'canonical';

/** Everything read from one paper, before anything is written. */
export interface ParsedPaper {
  family: PaperFamily;
  /** How the paper was read, as the dry run says it: "read as statutory direction forms: 3 forms". */
  readAs?: string;
  directions: ParsedDirection[];
  outcomes: ParsedOutcome[];
  milestones: ParsedMilestone[];
  warnings: ImportWarning[];
  problems: ImportProblem[];
}

/**
 * Reads a paper of any family: coded tables when it has them, else numbered lists; outcome
 * tables and delivery plans wherever they are. Then checks it is whole and is the paper the
 * officer said it is (IJB, year).
 */
export function parsePaper(
  doc: SourceDocument,
  ijb: IjbProfile,
  planYear: PlanYear,
  source: string,
): ParsedPaper {
  const forms = formsOf(doc.lines);
  const context: ParseContext = {
    lines: doc.lines,
    ijb,
    planYear,
    // Only the list and table readers mend words split by conversion; forms keep theirs.
    vocabulary: forms.length > 0 ? new Map() : vocabularyOf(doc.lines),
    warnings: [],
    problems: [],
  };
  checkIjb(doc, ijb, context.problems);
  checkYear(doc, planYear, context.problems);
  if (forms.length > 0) {
    // A paper of statutory forms is read as forms alone: its labelled fields are not a list.
    const read = parseStatutoryForms(context, forms, source);
    linkSupersession(read.directions, read.outcomes, planYear, source);
    return {
      family: 'statutory-form',
      readAs: `read as statutory direction forms: ${read.forms} form${read.forms === 1 ? '' : 's'}`,
      ...checkDirections(read.directions, context.problems),
      outcomes: read.outcomes,
      milestones: read.milestones,
      warnings: dedupe(context.warnings),
      problems: context.problems,
    };
  }
  const outcomes = parseOutcomeTables(context);
  for (const outcome of outcomes)
    if (outcome.lifecycle.decidedIn) outcome.lifecycle.decidedIn.source = source;
  const tabled = parseCodedTables(context, outcomes);
  const directions = tabled.length > 0 ? tabled : parseNumberedList(context);
  const family = tabled.length > 0 ? 'coded-table' : 'numbered-list';
  const refusal = notDirections(doc, ijb, { family, count: directions.length });
  if (refusal)
    return {
      family,
      directions: [],
      outcomes: [],
      milestones: [],
      warnings: [],
      problems: [...context.problems, refusal],
    };
  const milestones = milestonesOf(parseDeliveryPlan(context), directions, outcomes, context);
  linkSupersession(directions, outcomes, planYear, source);
  return {
    family,
    readAs:
      family === 'coded-table'
        ? 'read as tables of coded directions'
        : 'read as directions numbered under headings',
    ...checkDirections(directions, context.problems),
    outcomes,
    milestones,
    warnings: dedupe(context.warnings),
    problems: context.problems,
  };
}

/** The same warning said twice (two readers noticing one thing) is said once. */
function dedupe(warnings: ImportWarning[]): ImportWarning[] {
  const seen = new Set<string>();
  return warnings.filter((warning) => {
    const key = `${warning.at?.line ?? ''}|${warning.ref ?? ''}|${warning.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Validates each direction and that refs are unique; a paper with none is a problem, not an empty year. */
export function checkDirections(
  directions: ParsedDirection[],
  problems: ImportProblem[],
): { directions: ParsedDirection[] } {
  if (directions.length === 0) {
    problems.push({
      message: 'No directions found in this file.',
      hint: 'The importer reads directions numbered under theme headings ("5.1 NHS Lothian … must … by January 2025"), tables with a "No." and a "Direction" column (D01h …), or the canonical CSV/JSON (docs/import.md). Is this the Directions paper itself?',
    });
  }
  const seen = new Map<string, ParsedDirection>();
  for (const direction of directions) {
    const earlier = seen.get(refKey(direction.ref));
    if (earlier)
      problems.push({
        at: direction.at,
        message: `${direction.ref} appears twice (also at ${describeLocation(earlier.at)}).`,
        hint: 'Each direction needs its own ref: correct the numbering in the file and import it again.',
      });
    seen.set(refKey(direction.ref), direction);
    const { at: _at, ...issued } = direction;
    const parsed = IssuedDirectionSchema.safeParse(issued);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        problems.push({
          at: direction.at,
          message: `${direction.ref}: ${issue.path.join('.')} ${issue.message}.`,
          hint: 'Correct this direction in the file and import it again.',
        });
  }
  return { directions };
}

/** "Replaced with related Direction D10j" and "(NEW Direction – replaces D12b)" link both ways. */
function linkSupersession(
  directions: ParsedDirection[],
  outcomes: ParsedOutcome[],
  planYear: PlanYear,
  source: string,
): void {
  const byRef = new Map(directions.map((direction) => [direction.ref, direction]));
  for (const outcome of outcomes)
    for (const successor of outcome.supersededBy) {
      const direction = byRef.get(successor.ref);
      if (!direction || successor.planYear !== planYear) continue;
      const link = { planYear: outcome.planYear, ref: outcome.ref };
      if (!direction.supersedes?.some((known) => known.ref === link.ref && known.planYear === link.planYear))
        direction.supersedes = [...(direction.supersedes ?? []), link];
    }
  for (const direction of directions)
    for (const replaced of direction.supersedes ?? []) {
      if (replaced.planYear === planYear) continue;
      const successor = { planYear, ref: direction.ref };
      const outcome = outcomes.find(
        (known) => known.ref === replaced.ref && known.planYear === replaced.planYear,
      );
      if (outcome) {
        if (!outcome.supersededBy.some((known) => known.ref === direction.ref))
          outcome.supersededBy.push(successor);
      } else
        outcomes.push({
          planYear: replaced.planYear,
          ref: replaced.ref,
          lifecycle: {
            state: 'superseded',
            outcome: `Replaced by ${direction.ref} (${planYear})`,
            decidedIn: { planYear, source },
          },
          supersededBy: [successor],
          at: direction.at,
        });
    }
}

/** The paper's own year, from a title such as "Directions 2023-24" or "2019/20 Directions". */
export function paperYear(
  doc: SourceDocument,
): { year: PlanYear; line: SourceDocument['lines'][number] } | undefined {
  for (const line of doc.lines.slice(0, 400)) {
    if (line.cells || line.text.split(/\s+/).length > 12) continue;
    const match =
      /\bdirections\b[^.\d]{0,40}?(\d{4}\s*[-/]\s*\d{2,4})\b/i.exec(line.text) ??
      /\b(\d{4}\s*[-/]\s*\d{2,4})\s+directions\b/i.exec(line.text);
    const year = match?.[1] ? normalisePlanYear(match[1].replace(/\s/g, '')) : undefined;
    if (year) return { year, line };
  }
  return undefined;
}

function checkYear(doc: SourceDocument, planYear: PlanYear, problems: ImportProblem[]): void {
  const found = paperYear(doc);
  if (found && found.year !== planYear)
    problems.push({
      at: found.line.at,
      message: `This paper is the ${found.year} Directions ("${found.line.text}"), not ${planYear}.`,
      hint: `Import it with --year ${found.year}, or choose the ${planYear} paper.`,
    });
}
