import { createHash } from 'node:crypto';
import type { SourceLine } from '../source';
import { readCode } from './codes';
import { findTimeframeDates } from './deadline-phrases';
import { looksLikeHeading } from './sections';
import { appendCells, type ColumnMap, cellOf, isFiller, readHeader } from './table-rows';
import type { ParseContext, ParsedDirection, ParsedMilestone, ParsedOutcome } from './types';
import { containment, mendSplitWords, tokens } from './words';

const COLUMNS = {
  action: /^key actions?|^actions?$/i,
  kpi: /performance indicators?|^kpis?$/i,
  timeframe: /^(timeframe|timescale|by when|target date|deadline)s?$/i,
  related: /related directions?|policy drivers?/i,
  outcome: /^outcomes?$/i,
};
type Column = keyof typeof COLUMNS;

interface PlanRow {
  area: string;
  cells: string[];
  columns: ColumnMap<Column>;
  at: SourceLine['at'];
  /** Its action began in lower case, as if cut from the row above. */
  startsMidSentence: boolean;
}

const CODE = /\b[A-Z][0-9OIl]{2}[a-zA-Z]\b/g;

/**
 * Family 4: a delivery plan's tables of key actions ("Key Actions | Key Performance Indicators |
 * Timeframe | Related Directions or other Policy Drivers | Outcomes") under change-board
 * headings. Rows cut over lines are joined back (a row whose action starts mid-sentence and
 * names no direction continues the one above).
 */
export function parseDeliveryPlan(context: ParseContext): PlanRow[] {
  const rows: PlanRow[] = [];
  let columns: ColumnMap<Column> | undefined;
  let area = 'Delivery plan';
  for (const line of context.lines) {
    if (isFiller(line)) continue;
    const header = readHeader(line, COLUMNS, ['action', 'timeframe']);
    if (header) {
      columns = header;
      continue;
    }
    if (!line.cells) {
      if (looksLikeHeading(line)) area = line.text;
      else if (line.text.split(/\s+/).length >= 4) columns = undefined;
      continue;
    }
    if (!columns) continue;
    const action = cellOf(line, columns.action);
    const related = cellOf(line, columns.related);
    const namesDirection = (related.match(CODE) ?? []).some((code) => readCode(code));
    const midSentence = /^[a-z]/.test(action);
    const last = rows.at(-1);
    if (last && (line.continuation || action === '' || (midSentence && !namesDirection)))
      appendCells(last.cells, line);
    else rows.push({ area, cells: [...line.cells], columns, at: line.at, startsMidSentence: midSentence });
  }
  return rows;
}

/** The plan's rows as milestones, each linked to the directions its words name. */
export function milestonesOf(
  rows: readonly PlanRow[],
  directions: readonly ParsedDirection[],
  outcomes: readonly ParsedOutcome[],
  context: ParseContext,
): ParsedMilestone[] {
  const byRef = new Map(directions.map((direction) => [direction.ref, direction]));
  const words = new Map(directions.map((direction) => [direction.ref, tokens(direction.text)]));
  const ids = new Set<string>();
  return rows.map((row) => {
    const cell = (name: Column) =>
      mendSplitWords(
        (row.columns[name] === undefined ? '' : (row.cells[row.columns[name] as number] ?? '')).trim(),
        context.vocabulary,
      );
    const warn = (message: string) => context.warnings.push({ at: row.at, message });
    const action = cell('action');
    if (row.startsMidSentence)
      warn(
        `The key action "${clip(action)}" starts mid-sentence: its first words may belong to the row above.`,
      );
    const refs: string[] = [];
    const drivers: string[] = [];
    for (const part of segments(cell('related'))) {
      const linked = link(part, byRef, words, outcomes, warn);
      if (linked) {
        if (!refs.includes(linked)) refs.push(linked);
      } else if (/[a-z]{3}/i.test(part.text)) drivers.push(part.text.trim());
    }
    if (refs.length === 0) warn(`The key action "${clip(action)}" names no direction of this paper.`);
    const timeframe = cell('timeframe');
    const kpi = cell('kpi');
    const outcome = cell('outcome');
    let id = createHash('sha256')
      .update(`${row.area}\n${action}\n${kpi}\n${timeframe}`)
      .digest('hex')
      .slice(0, 12);
    while (ids.has(id)) id = createHash('sha256').update(id).digest('hex').slice(0, 12);
    ids.add(id);
    return {
      id,
      area: row.area,
      action: action || '(no action written)',
      ...(kpi ? { kpi } : {}),
      timeframe: { asWritten: timeframe, deadlines: findTimeframeDates(timeframe) },
      directions: refs,
      ...(drivers.length > 0 ? { policyDrivers: drivers.join(' ') } : {}),
      ...(outcome ? { outcome } : {}),
      at: row.at,
    };
  });
}

interface Segment {
  code?: string;
  text: string;
}

/** "D11b NHS Lothian to … D11c NHS Lothian to …" → one segment per code, plus any words before the first. */
function segments(raw: string): Segment[] {
  // "(NEW Direction – replaces D12b)" names the direction it replaces, not one the action delivers.
  const cell = raw.replace(/\(?[^()]*\breplaces\s+[A-Z][0-9OIl]{2}[a-zA-Z]\)?/gi, '').trim();
  const found = [...cell.matchAll(CODE)].filter((match) => readCode(match[0]));
  if (found.length === 0) return [{ text: cell }];
  const parts: Segment[] = [];
  const before = cell.slice(0, found[0]?.index).trim();
  if (before) parts.push({ text: before });
  found.forEach((match, index) => {
    const end = found[index + 1]?.index ?? cell.length;
    parts.push({
      code: readCode(match[0])?.code as string,
      text: cell.slice(match.index + match[0].length, end).replace(/^\s*[-–—:]\s*/, ''),
    });
  });
  return parts;
}

function link(
  part: Segment,
  byRef: Map<string, ParsedDirection>,
  words: Map<string, Set<string>>,
  outcomes: readonly ParsedOutcome[],
  warn: (message: string) => void,
): string | undefined {
  const said = tokens(part.text);
  const ranked = [...words.entries()]
    .map(([ref, text]) => ({ ref, score: containment(said, text) }))
    .sort((a, b) => b.score - a.score);
  const [best, second] = ranked;
  const clearBest =
    best && best.score >= 0.6 && best.score - (second?.score ?? 0) >= 0.15 ? best.ref : undefined;
  if (!part.code) {
    if (said.size >= 5 && clearBest) {
      warn(`"${clip(part.text)}" names no code; linked to ${clearBest}, whose words it repeats.`);
      return clearBest;
    }
    return undefined;
  }
  const named = byRef.get(part.code);
  if (named) {
    const own = containment(said, words.get(part.code) ?? new Set());
    if (said.size >= 5 && own < 0.5 && clearBest && clearBest !== part.code) {
      warn(`It names ${part.code} but quotes the words of ${clearBest}: linked to ${clearBest}.`);
      return clearBest;
    }
    return part.code;
  }
  const successor = outcomes.find((outcome) => outcome.ref === part.code)?.supersededBy[0]?.ref;
  if (successor && byRef.has(successor)) {
    warn(`It names ${part.code}, which was replaced by ${successor}: linked to ${successor}.`);
    return successor;
  }
  if (clearBest) {
    warn(
      `It names ${part.code}, not a direction of this paper; its words are ${clearBest}'s: linked to ${clearBest}.`,
    );
    return clearBest;
  }
  warn(`It names ${part.code}, not a direction of this paper: not linked.`);
  return undefined;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
