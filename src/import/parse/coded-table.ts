import type { Recipient } from '../../domain/direction';
import type { SourceLine } from '../source';
import { type Code, readCode, seriesOf } from './codes';
import { findDeadlines } from './deadline-phrases';
import { knownFunctions, splitFunctions } from './functions';
import { previousPlanYear } from './outcome-table';
import { recipientsNamed, subjectRecipients } from './recipients';
import { appendCells, type ColumnMap, cellOf, isFiller, readHeader } from './table-rows';
import type { ParseContext, ParsedDirection, ParsedOutcome } from './types';
import { joinPieces, mendRunTogether, mendSplitWords } from './words';

const COLUMNS = {
  ref: /^(no\.?|ref(erence)?\.?|code|direction (no\.?|number|ref(erence)?))$/i,
  title: /^(title|name|subject)$/i,
  text: /^(directions?|direction text|description|what is directed)$/i,
  functions: /functions?$/i,
  link: /^links?$/i,
  oversight: /oversight|governance|monitoring|reporting/i,
  deadline: /^(deadline|timescale|timeframe|by when|due( date)?|target date)$/i,
  recipients: /^(issued to|recipients?|directed to|partners?)$/i,
};
type Column = keyof typeof COLUMNS;

interface Group {
  heading: string;
  recipients: Recipient[];
  theme?: string;
  budget?: { thousands: number; asWritten: string };
  at: SourceLine['at'];
}

interface Row {
  code: Code;
  cells: string[];
  columns: ColumnMap<Column>;
  group?: Group;
  at: SourceLine['at'];
}

const MARKER =
  /\(\s*(new direction|new|revised|continuing|continued|updated)\s*(?:[–—-]\s*replaces\s+(\S+?))?\s*\)[.\s]*$/i;

/**
 * Family 2: coded tables (East Lothian: "No. | Title | Direction | Related Function | Link |
 * Oversight") grouped under headings that carry the recipients and a budget ("Directions to
 * NHS Lothian on Primary Care … Budget: 17,922K"). Rows cut over lines are joined, headings cut
 * into cells are mended, codes with OCR slips are read, markers ("(NEW Direction – replaces
 * D12b)") become fields.
 */
export function parseCodedTables(
  context: ParseContext,
  outcomes: readonly ParsedOutcome[],
): ParsedDirection[] {
  const rows: Row[] = [];
  let columns: ColumnMap<Column> | undefined;
  let group: Group | undefined;
  /** A heading cut over lines (a narrow first column) is read until its table's header row. */
  let heading: SourceLine[] | undefined;
  for (const line of context.lines) {
    if (isFiller(line)) continue;
    const header = readHeader(line, COLUMNS, ['ref', 'text']);
    if (header) {
      if (heading) group = readGroupHeading(heading, context);
      heading = undefined;
      columns = header;
      continue;
    }
    if (isGroupHeading(line)) {
      heading = [line];
      group = readGroupHeading(heading, context);
      continue;
    }
    if (heading && !readCode(line.cells?.[0] ?? '') && line.text.length < 120) {
      heading.push(line);
      continue;
    }
    if (heading) group = readGroupHeading(heading, context);
    heading = undefined;
    if (!columns) continue;
    if (!line.cells) {
      if (line.text.split(/\s+/).length >= 4) columns = undefined;
      continue;
    }
    const code = readCode(cellOf(line, columns.ref));
    const last = rows.at(-1);
    if (code) rows.push({ code, cells: [...line.cells], columns, ...(group ? { group } : {}), at: line.at });
    else if (last) appendCells(last.cells, line);
  }
  const known = knownFunctions(
    context.lines,
    rows.map((row) => row.cells[row.columns.functions ?? -1] ?? ''),
  );
  const themeOfSeries = new Map(
    outcomes.filter((o) => o.heading).map((o) => [seriesOf(o.ref), o.heading as string]),
  );
  const inPaper = new Set(rows.map((row) => readCode(row.cells[row.columns.ref ?? 0] ?? '')?.code));
  return rows.map((row, index) =>
    toDirection(row, rows[index - 1], { context, known, themeOfSeries, inPaper }),
  );
}

function isGroupHeading(line: SourceLine): boolean {
  const text = line.text.replace(/\t/g, ' ');
  if (readCode(line.cells?.[0] ?? '')) return false;
  return /\bbudget\s*:/i.test(text) || (/^direct/i.test(text) && /\bto\b/i.test(text) && text.length < 200);
}

function readGroupHeading(lines: SourceLine[], context: ParseContext): Group {
  const line = lines[0] as SourceLine;
  // Cut over lines in a narrow column, a heading is read column by column.
  const columnwise: string[] = [];
  for (const part of lines) appendCells(columnwise, part.cells ? part : { ...part, cells: [part.text] });
  const pieces = [...columnwise].map((piece) => piece ?? '');
  const budgetPiece = pieces.find((piece) => /budget\s*:/i.test(piece));
  const heading = joinPieces(
    pieces.filter((piece) => piece !== budgetPiece),
    context.vocabulary,
  );
  const theme = /\bto\s+.+?\s+on\s+(.+)$/i.exec(heading)?.[1]?.trim();
  const group: Group = {
    heading,
    recipients: recipientsNamed(heading, context.ijb),
    at: line.at,
    ...(theme ? { theme } : {}),
  };
  const budget = /budget\s*:\s*£?\s*([\d,]+(?:\.\d+)?)\s*([a-zA-Z])?/i.exec(budgetPiece ?? '');
  if (budget?.[1]) {
    const amount = Number(budget[1].replace(/,/g, ''));
    const unit = (budget[2] ?? 'k').toLowerCase();
    if (unit !== 'k' && unit !== 'm')
      context.warnings.push({
        at: line.at,
        message: `Budget "${budget[0].trim()}" read as £${budget[1]}K (the "${budget[2]}" is a conversion slip for K).`,
      });
    group.budget = {
      thousands: unit === 'm' ? amount * 1000 : amount,
      asWritten: budget[0].trim().replace(/[a-zA-Z]$/, 'K'),
    };
  }
  return group;
}

interface Shared {
  context: ParseContext;
  known: string[];
  themeOfSeries: Map<string, string>;
  inPaper: Set<string | undefined>;
}

function toDirection(row: Row, before: Row | undefined, shared: Shared): ParsedDirection {
  const { context } = shared;
  const map = row.columns;
  const cell = (name: Column) =>
    map[name] === undefined ? '' : (row.cells[map[name] as number] ?? '').trim();
  const code = row.code;
  const ref = code.code;
  const warn = (message: string) => context.warnings.push({ at: row.at, ref, message });
  if (code.repairedFrom) warn(`Code "${code.repairedFrom}" read as ${ref} (a conversion slip).`);

  for (const name of ['oversight', 'functions', 'text'] as const) {
    const index = map[name];
    if (index === undefined || !before) continue;
    const leaked = leakedFrom(row.cells[index] ?? '', before.cells[index] ?? '');
    if (leaked) {
      row.cells[index] = (row.cells[index] ?? '').slice(leaked.length).trim();
      warn(
        `"${leaked}" at the start of its ${name} repeats the end of the row above (a conversion slip): left out.`,
      );
    }
  }

  let text = mended(mendSplitWords(cell('text'), context.vocabulary), context);
  const marked = MARKER.exec(text);
  const supersedes: { planYear: string; ref: string }[] = [];
  let marker: ParsedDirection['marker'];
  if (marked?.[1]) {
    text = text.slice(0, marked.index).trim();
    const word = marked[1].toLowerCase();
    marker = word.startsWith('new')
      ? 'new'
      : word.startsWith('continu')
        ? 'continuing'
        : (word as 'revised' | 'updated');
    const replaced = marked[2] ? readCode(marked[2]) : undefined;
    if (replaced)
      supersedes.push({
        planYear: shared.inPaper.has(replaced.code) ? context.planYear : previousPlanYear(context.planYear),
        ref: replaced.code,
      });
  }
  text = text.replace(/\s*•\s*/g, '\n• ').trim();

  const group = row.group;
  let themeName = group?.theme;
  if (!themeName) {
    themeName = shared.themeOfSeries.get(seriesOf(ref));
    if (themeName)
      warn(
        `Its heading "${group?.heading ?? ''}" names no theme; "${themeName}" taken from the outcomes table for ${seriesOf(ref)}.`,
      );
    else {
      themeName = `Directions ${seriesOf(ref)}`;
      warn(`Its heading "${group?.heading ?? ''}" names no theme; filed under "${themeName}".`);
    }
  }

  const named = subjectRecipients(text, context.ijb);
  const fromHeading = group?.recipients ?? [];
  let issuedTo: Recipient[] = named;
  if (named.length === 0) {
    issuedTo = fromHeading.length > 0 ? fromHeading : ['health-board', 'council'];
    warn(
      `Its text names neither partner; issued to ${issuedTo.join(' and ')} as its heading${fromHeading.length > 0 ? '' : ' (which names neither) and the paper'} say.`,
    );
  } else if (fromHeading.length > 0 && named.join() !== fromHeading.join())
    warn(
      `Its heading says ${fromHeading.join(' and ')}; its text names ${named.join(' and ')}: the text is taken.`,
    );

  const oversight = mended(mendSplitWords(cell('oversight'), context.vocabulary), context);
  const dated = [cell('deadline'), oversight].filter(Boolean).join(' ');
  const { found, yearsOnly } = findDeadlines(dated);
  for (const entry of found)
    if (entry.repairedFrom) warn(`"${entry.repairedFrom}" read as "${entry.deadline.asWritten}".`);
  for (const phrase of yearsOnly) warn(`"${phrase}" names a year but no month: no deadline set from it.`);
  const rawLink = cell('link');
  const link = /^(https?:|www\.)/i.test(rawLink)
    ? rawLink.replace(/\s+/g, '')
    : mendSplitWords(rawLink, context.vocabulary);
  const functions = cell('functions') ? splitFunctions(cell('functions'), shared.known) : [];
  const title = cell('title');

  return {
    ref,
    theme: { name: themeName, ...(group?.budget ? { budget: group.budget } : {}) },
    ...(title ? { title } : {}),
    text,
    issuedTo,
    deadlines: found.map((entry) => entry.deadline),
    ...(functions.length > 0 ? { functions } : {}),
    ...(link ? { link } : {}),
    ...(oversight ? { oversight } : {}),
    ...(marker ? { marker } : {}),
    ...(supersedes.length > 0 ? { supersedes } : {}),
    at: row.at,
  };
}

/** A cell starting with the words the same cell of the row above ended with ("every 3 months."). */
function leakedFrom(cell: string, above: string): string | undefined {
  const start = /^([a-z][^.]{0,80}\.)\s/.exec(cell)?.[1];
  return start && above.trim().endsWith(start) ? start : undefined;
}

const said = new WeakMap<ParseContext, Set<string>>();

/** Run-together words mended; each repair said once for the paper, where it is first made. */
function mended(text: string, context: ParseContext): string {
  const result = mendRunTogether(text, context.vocabulary);
  const known = said.get(context) ?? new Set<string>();
  said.set(context, known);
  for (const repair of result.repairs)
    if (!known.has(repair.from)) {
      known.add(repair.from);
      context.warnings.push({
        message: `"${repair.from}" read as "${repair.to}" (run together or split in conversion), wherever it appears.`,
      });
    }
  return result.text;
}
