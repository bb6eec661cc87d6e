import type { WorkingCalendar } from '../domain/calendar';
import { dueDateOf } from '../domain/deadline';
import { type Direction, isInForce, isOpen, refKey, STATUS_LABELS } from '../domain/direction';
import { type Ijb, issuedToText } from '../domain/ijb';
import type { LocalDate } from '../domain/local-date';
import type { DirectionOutcome } from '../domain/outcome';
import { boardOutcome } from './outcome-words';
import { partnerOutcome, perBody, updateBodyOf } from './partner-rows';

/**
 * One line of the board's outcomes table. Every field is text, as a spreadsheet holds it, so
 * the CSV, the JSON, the Markdown and the Word table carry exactly the same rows.
 */
export interface ReportRow {
  ref: string;
  title: string;
  theme: string;
  issuedTo: string;
  /** The deadlines as the paper wrote them ("by January 2024"), empty when it gave none. */
  deadline: string;
  /** The earliest day they fall due (YYYY-MM-DD), empty when none has a day. */
  dueDate: string;
  overdue: 'Yes' | 'No';
  /** In the board's words: "In Process (updated)", "Replaced with related Direction D10j". */
  outcome: string;
  status: string;
  /** The latest update, cut to its first sentence. */
  updateSummary: string;
  updateDate: string;
  /** The partner the update speaks for, when the direction is issued to one. */
  updateBody: string;
  updateText: string;
  lead: string;
  /** Per partner, for a direction answered by each (empty otherwise): the board's words. */
  healthBoardOutcome: string;
  councilOutcome: string;
}

/** The columns in order, with the header each format prints. */
export const REPORT_COLUMNS: readonly (readonly [keyof ReportRow, string])[] = [
  ['ref', 'Ref'],
  ['title', 'Title'],
  ['theme', 'Theme'],
  ['issuedTo', 'Issued to'],
  ['deadline', 'Deadline'],
  ['dueDate', 'Due date'],
  ['overdue', 'Overdue'],
  ['outcome', 'Outcome'],
  ['status', 'Status'],
  ['updateSummary', 'Latest update'],
  ['updateDate', 'Update date'],
  ['updateBody', 'Update by'],
  ['updateText', 'Latest update (full)'],
  ['lead', 'Lead'],
  ['healthBoardOutcome', 'Health board outcome'],
  ['councilOutcome', 'Council outcome'],
];

export interface RowInput {
  ijb: Ijb;
  directions: readonly Direction[];
  /** What a later paper's outcome table says of this year's directions. */
  outcomes: readonly DirectionOutcome[];
  today: LocalDate;
  calendar: WorkingCalendar;
  /** A lead's name for their id; the id itself when unknown. */
  leadName?: (id: string) => string;
}

/**
 * The table's rows: one per direction of the year, and one per direction an outcome table
 * speaks of whose own paper was never imported (East Lothian's 2018-19). Grouped by theme in
 * the order the paper gives them, then by recipient, then by ref.
 */
export function buildRows(input: RowInput): ReportRow[] {
  const recorded = new Map(input.outcomes.map((outcome) => [refKey(outcome.ref), outcome]));
  const rows = [...input.directions]
    .sort((a, b) => byRef(a.ref, b.ref))
    .map((direction) => directionRow(input, direction, recorded.get(refKey(direction.ref))));
  const known = new Set(input.directions.map((direction) => refKey(direction.ref)));
  const orphans = input.outcomes
    .filter((outcome) => !known.has(refKey(outcome.ref)))
    .sort((a, b) => byRef(a.ref, b.ref))
    .map(outcomeRow);
  return groupRows([...rows, ...orphans]);
}

function directionRow(input: RowInput, direction: Direction, recorded?: DirectionOutcome): ReportRow {
  const rule = input.ijb.settings.monthDeadlineRule;
  const dueDates = direction.deadlines
    .map((deadline) => dueDateOf(deadline, rule, input.calendar))
    .filter((day): day is LocalDate => day !== undefined)
    .sort();
  const stillChased = isOpen(direction.status) && isInForce(recorded?.lifecycle ?? direction.lifecycle);
  const overdue = stillChased && dueDates.some((day) => day < input.today);
  const update = direction.latestUpdate;
  const name = input.leadName ?? ((id: string) => id);
  return {
    ref: direction.ref,
    title: direction.title ?? clipWords(direction.text, TITLE_LIMIT),
    theme: direction.theme.name,
    issuedTo: issuedToText(input.ijb, direction.issuedTo),
    deadline: direction.deadlines.map((deadline) => deadline.asWritten).join('; '),
    dueDate: dueDates[0] ?? '',
    overdue: overdue ? 'Yes' : 'No',
    outcome:
      (recorded ? undefined : partnerOutcome(input.ijb, direction)) ?? boardOutcome(direction, recorded),
    status: STATUS_LABELS[direction.status],
    updateSummary: update ? summarise(update.text) : '',
    updateDate: update ? dayInLondon(update.at) : '',
    updateBody: update ? updateBodyOf(input.ijb, direction) : '',
    updateText: update?.text.trim() ?? '',
    lead: direction.leads.map(name).join(', '),
    ...perBody(direction),
  };
}

function outcomeRow(outcome: DirectionOutcome): ReportRow {
  return {
    ref: outcome.ref,
    title: '',
    theme: outcome.heading ?? 'Other',
    issuedTo: '',
    deadline: '',
    dueDate: '',
    overdue: 'No',
    outcome: boardOutcome({ status: 'not-reported' }, outcome),
    status: '',
    updateSummary: '',
    updateDate: '',
    updateBody: '',
    updateText: '',
    lead: '',
    healthBoardOutcome: '',
    councilOutcome: '',
  };
}

function groupRows(rows: ReportRow[]): ReportRow[] {
  const themeOrder = new Map<string, number>();
  for (const row of rows) if (!themeOrder.has(row.theme)) themeOrder.set(row.theme, themeOrder.size);
  return rows
    .map((row, index) => ({ row, index }))
    .sort(
      (a, b) =>
        (themeOrder.get(a.row.theme) ?? 0) - (themeOrder.get(b.row.theme) ?? 0) ||
        byText(a.row.issuedTo, b.row.issuedTo) ||
        a.index - b.index,
    )
    .map(({ row }) => row);
}

/**
 * compareRefs' order (1.2 before 1.10) with one kept collator: localeCompare with options
 * builds a collator per call, which dominated building 400 rows.
 */
const byRef = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare;
const byText = new Intl.Collator('en').compare;

const SUMMARY_LIMIT = 200;
/** Midlothian's papers give no titles: the direction's opening words stand for one. */
const TITLE_LIMIT = 90;

/** The first sentence, or its first 200 characters at a word break. */
export function summarise(text: string): string {
  return clipWords(text, SUMMARY_LIMIT);
}

function clipWords(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const sentence = /^(.+?[.!?])(?:\s|$)/.exec(flat)?.[1] ?? flat;
  if (sentence.length <= limit) return sentence;
  const cut = sentence.slice(0, limit);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).replace(/[,;:]$/, '')}…`;
}

/**
 * The London day of an instant, for every row: one kept Intl formatter is a hundred times
 * faster than londonDay's per-minute cache, which each update's own minute defeats.
 */
const LONDON_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

function dayInLondon(at: string): LocalDate {
  const parts = LONDON_DAY.formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
