import type { Direction, IssuedDirection } from '../domain/direction';
import type { Milestone } from '../domain/milestone';
import type { DirectionOutcome } from '../domain/outcome';
import type { YearSnapshot } from '../store/import-store';
import { addedInRegister, fieldsKept, type KeptChange, notesHolding } from './reconcile';

/** The attributes a paper owns. Status, leads, channel and updates belong to the officers. */
export const PAPER_FIELDS = [
  'theme',
  'title',
  'text',
  'issuedTo',
  'deadlines',
  'functions',
  'link',
  'oversight',
  'marker',
  'supersedes',
  'form',
] as const;
export type PaperField = (typeof PAPER_FIELDS)[number];

export function paperFieldsOf(direction: IssuedDirection | Direction): Partial<Record<PaperField, unknown>> {
  const fields: Partial<Record<PaperField, unknown>> = {};
  for (const name of PAPER_FIELDS) if (direction[name] !== undefined) fields[name] = direction[name];
  return fields;
}

/** Same meaning whatever the key order, and absent equals empty. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner) => {
    if (Array.isArray(inner) && inner.length === 0) return undefined;
    if (inner && typeof inner === 'object' && !Array.isArray(inner))
      return Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)));
    return inner;
  });
}

export interface DirectionChange {
  before: Direction;
  after: IssuedDirection;
  fields: PaperField[];
}

export interface ImportDiff {
  /** No plan-year record yet: the year is written whole and appears at the end. */
  newYear: boolean;
  added: IssuedDirection[];
  changed: DirectionChange[];
  unchanged: Direction[];
  /** In the register, no longer in the paper: flagged, never deleted. */
  dropped: Direction[];
  /** Flagged earlier, back in this paper. */
  returned: Direction[];
  /** Where the paper differs from a change the board made after it: the change is kept. */
  kept: KeptChange[];
  milestones: { added: Milestone[]; removed: Milestone[]; unchanged: number };
  /** Outcome-table lines that are new or say something new. */
  outcomes: { written: DirectionOutcome[]; unchanged: number };
}

export function isNoChange(diff: ImportDiff): boolean {
  return (
    !diff.newYear &&
    diff.added.length + diff.changed.length + diff.dropped.length + diff.returned.length === 0 &&
    diff.milestones.added.length + diff.milestones.removed.length === 0 &&
    diff.outcomes.written.length === 0
  );
}

/** What importing the paper would change in the register, by comparing what each side holds. */
export function diffPaper(
  snapshot: YearSnapshot,
  paper: { directions: IssuedDirection[]; milestones: Milestone[]; outcomes: DirectionOutcome[] },
  storedOutcomes: readonly DirectionOutcome[],
): ImportDiff {
  const newYear = !snapshot.record;
  const existing = new Map(
    (newYear ? [] : snapshot.directions).map((direction) => [direction.ref.toLowerCase(), direction]),
  );
  const diff: ImportDiff = {
    newYear,
    added: [],
    changed: [],
    unchanged: [],
    dropped: [],
    returned: [],
    kept: [],
    milestones: { added: [], removed: [], unchanged: 0 },
    outcomes: { written: [], unchanged: 0 },
  };
  const inPaper = new Set<string>();
  for (const after of paper.directions) {
    inPaper.add(after.ref.toLowerCase());
    const before = existing.get(after.ref.toLowerCase());
    if (!before) {
      diff.added.push(after);
      continue;
    }
    const old = paperFieldsOf(before);
    const next = paperFieldsOf(after);
    const differ = PAPER_FIELDS.filter((name) => canonical(old[name]) !== canonical(next[name]));
    // The board's later changes hold against this paper: those fields stay as the register has them.
    const notes = notesHolding(before, after);
    const kept = fieldsKept(notes);
    const held = differ.filter((name) => kept === 'all' || kept.includes(name));
    const fields = differ.filter((name) => !held.includes(name));
    if (held.length > 0) diff.kept.push({ direction: before, notes, fields: held });
    if (fields.length > 0) {
      const keep = Object.fromEntries(held.map((name) => [name, before[name]]));
      diff.changed.push({ before, after: { ...after, ...keep }, fields });
    } else diff.unchanged.push(before);
    if (before.notInPaper) diff.returned.push(before);
  }
  for (const [key, direction] of existing)
    if (!inPaper.has(key) && !direction.notInPaper && !addedInRegister(direction))
      diff.dropped.push(direction);

  const kept = new Map((newYear ? [] : snapshot.milestones).map((milestone) => [milestone.id, milestone]));
  for (const milestone of paper.milestones) {
    const stored = kept.get(milestone.id);
    if (stored && canonical(stored) === canonical(milestone)) diff.milestones.unchanged++;
    else diff.milestones.added.push(milestone);
    kept.delete(milestone.id);
  }
  diff.milestones.removed = [...kept.values()];

  const known = new Map(
    storedOutcomes.map((outcome) => [`${outcome.planYear}#${outcome.ref.toLowerCase()}`, outcome]),
  );
  for (const outcome of paper.outcomes) {
    const stored = known.get(`${outcome.planYear}#${outcome.ref.toLowerCase()}`);
    if (stored && canonical(stored) === canonical(outcome)) diff.outcomes.unchanged++;
    else diff.outcomes.written.push(outcome);
  }
  return diff;
}
