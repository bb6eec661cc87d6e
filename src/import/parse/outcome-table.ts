import type { DirectionLink, Lifecycle } from '../../domain/direction';
import { normalisePlanYear, type PlanYear } from '../../domain/plan-year';
import { readCode } from './codes';
import { cellOf, isFiller } from './table-rows';
import type { ParseContext, ParsedOutcome } from './types';

const ENTRY = /([A-Z][0-9OIl]{2}[a-zA-Z])\s*[-–—]+\s*(.+?)(?=\s+[A-Z][0-9OIl]{2}[a-zA-Z]\s*[-–—]|$)/g;

export function previousPlanYear(year: PlanYear): PlanYear {
  const start = Number(year.slice(0, 4)) - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/**
 * Family 3: a board's table of what became of last year's directions ("2018-19 Directions |
 * Outcomes", rows like "D03c – Achieved", "D10i – Replaced with related Direction D10j").
 * Headings may run over two rows; several entries may share a cell.
 */
export function parseOutcomeTables(context: ParseContext): ParsedOutcome[] {
  const outcomes: ParsedOutcome[] = [];
  const { lines } = context;
  for (let index = 0; index < lines.length; index++) {
    const header = lines[index];
    if (!header?.cells?.some((cell) => /^outcomes?$/i.test(cell.trim()))) continue;
    const yearCell = header.cells.find((cell) => /\d{4}\s*[-/]\s*\d{2,4}\s+directions/i.test(cell));
    if (!yearCell) continue;
    const planYear =
      normalisePlanYear(/\d{4}\s*[-/]\s*\d{2,4}/.exec(yearCell)?.[0].replace(/\s/g, '') ?? '') ??
      previousPlanYear(context.planYear);
    let heading = '';
    let complete = true;
    let waiting: ParsedOutcome[] = [];
    for (index++; index < lines.length; index++) {
      const line = lines[index] as (typeof lines)[number];
      if (isFiller(line)) continue;
      if (!line.cells) {
        index--;
        break;
      }
      const first = cellOf(line, 0);
      if (first) {
        heading = complete ? first : `${heading} ${first}`;
        complete = first.endsWith(':');
      }
      // A cell wrapped onto the next line ("D15g – In" / "Process (updated)") is read whole.
      let said = line.cells.slice(1).join(' ').trim();
      for (
        let next = lines[index + 1];
        next?.cells &&
        !next.cells[0]?.trim() &&
        !/^\s*[A-Z][0-9OIl]{2}[a-zA-Z]\s*[-–—]/.test(next.cells.slice(1).join(' '));
        next = lines[index + 1]
      ) {
        said = `${said} ${next.cells.slice(1).join(' ').trim()}`;
        index++;
      }
      const entries = (said.match(ENTRY) ?? []).map((entry) => entry.trim());
      for (const entry of entries) {
        const parsed = readEntry(entry, planYear, context);
        if (!parsed) {
          context.problems.push({
            at: line.at,
            message: `"${entry}" is not an outcome I can read.`,
            hint: 'Write it as "<code> – <outcome>", the outcome one of: Achieved, In Process, In Process (revised), Retired, No longer relevant, Replaced with related Direction <code>.',
          });
          continue;
        }
        const outcome: ParsedOutcome = { ...parsed, at: line.at };
        outcomes.push(outcome);
        waiting.push(outcome);
      }
      if (complete) {
        const name = heading.replace(/:$/, '').trim();
        for (const outcome of waiting) if (name) outcome.heading = name;
        waiting = [];
      }
    }
  }
  return outcomes;
}

function readEntry(
  entry: string,
  planYear: PlanYear,
  context: ParseContext,
): Omit<ParsedOutcome, 'at'> | undefined {
  const [, rawCode = '', rawOutcome = ''] = /^(\S+)\s*[-–—]+\s*(.+)$/.exec(entry) ?? [];
  const code = readCode(rawCode);
  if (!code) return undefined;
  const outcome = rawOutcome.replace(/\s+/g, ' ').trim();
  const lower = outcome.toLowerCase();
  const supersededBy: DirectionLink[] = [];
  let state: Lifecycle['state'];
  if (/replaced|superseded/.test(lower)) {
    state = 'superseded';
    const successor = /\b([A-Z][0-9OIl]{2}[a-zA-Z])\b/.exec(outcome)?.[1];
    const read = successor ? readCode(successor) : undefined;
    if (read) supersededBy.push({ planYear: context.planYear, ref: read.code });
  } else if (/no longer relevant|revoked|withdrawn|cancelled/.test(lower)) state = 'revoked';
  else if (/retire/.test(lower)) state = 'retired';
  else if (/achieved|completed?\b/.test(lower)) state = 'achieved';
  else if (/in process|in progress|ongoing|continu|in force/.test(lower))
    state = /\(revised\)|varied/.test(lower) ? 'varied' : 'in-force';
  else return undefined;
  return {
    planYear,
    ref: code.code,
    lifecycle: { state, outcome, decidedIn: { planYear: context.planYear, source: '' } },
    supersededBy,
  };
}
