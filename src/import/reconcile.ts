import { meetingDay } from '../changes/views';
import type { Direction, IssuedDirection } from '../domain/direction';
import type { ChangeNote } from '../domain/register-change';

/** A field a paper owns (diff.ts lists them; named here without importing it, which imports this). */
type PaperField = keyof IssuedDirection;

/**
 * How an import meets the board's mid-year changes (recorded in Slack or through the API), as
 * docs/import.md says: a change decided after the paper was issued wins over that paper's
 * words. A paper only says when it was issued on a statutory form ("Date direction issued");
 * a paper that does not say is taken as the one the change amended, issued before it.
 */
export interface KeptChange {
  direction: Direction;
  /** The changes that held, newest last. */
  notes: ChangeNote[];
  /** The paper's fields that differ from the register's and were left as the change made them. */
  fields: PaperField[];
}

const HELD: Record<ChangeNote['fields'][number], PaperField[]> = {
  all: [],
  text: ['text'],
  deadlines: ['deadlines'],
  lifecycle: [],
  supersedes: ['supersedes'],
};

/** The changes on `before` that this paper's direction does not overrule. */
export function notesHolding(before: Direction, after: IssuedDirection | undefined): ChangeNote[] {
  const issued = after?.form?.issued?.date;
  return (before.registerChanges ?? []).filter((note) => !issued || note.authority.decidedOn > issued);
}

/** Which paper fields the holding changes keep: every one for a direction added in the register. */
export function fieldsKept(notes: readonly ChangeNote[]): PaperField[] | 'all' {
  if (notes.some((note) => note.fields.includes('all'))) return 'all';
  return [...new Set(notes.flatMap((note) => note.fields.flatMap((field) => HELD[field])))];
}

/** A direction the register added mid-year is not the paper's to drop: it was never in it. */
export function addedInRegister(direction: Direction): boolean {
  return (direction.registerChanges ?? []).some((note) => note.kind === 'added');
}

/** Revoked or superseded in the register: an outcome table's lifecycle does not undo it. */
export function lifecycleHeld(direction: Direction): boolean {
  return (direction.registerChanges ?? []).some((note) => note.fields.includes('lifecycle'));
}

/** "kept: varied in Slack on 16 Mar 2024 (paper 5.3)": what the dry run says instead of a revision. */
export function describeKept(kept: KeptChange): string {
  const note = kept.notes.at(-1);
  if (!note) return 'kept';
  const where = note.via === 'api' ? 'through the API' : 'in Slack';
  const what = {
    added: 'added',
    varied: 'varied',
    revoked: 'revoked',
    superseded: 'superseded',
    supersedes: 'linked',
  }[note.kind];
  return `kept: ${what} ${where} on ${meetingDay(note.authority.decidedOn)} (${note.authority.reference})`;
}
