import type { Direction } from '../domain/direction';
import { MONTH_NAMES } from '../domain/local-date';
import type { ChangeNote } from '../domain/register-change';

/** One mid-year change as every card says it: "Varied by the IJB on 16 Mar 2024, paper 5.3". */
export interface ChangeLine {
  kind: ChangeNote['kind'];
  text: string;
  link?: string;
  /** Revoked or superseded: the direction is no longer chased. */
  closes: boolean;
}

/** "16 Mar 2024": the meeting day as a board minute writes it. */
export function meetingDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${date} ${MONTH_NAMES[month - 1]?.slice(0, 3)} ${year}`;
}

const VERB: Record<ChangeNote['kind'], (note: ChangeNote) => string> = {
  added: () => 'Issued by the IJB',
  varied: (note) =>
    `Varied by the IJB${note.fields.includes('deadlines') && !note.fields.includes('text') ? ' (deadline)' : ''}`,
  revoked: () => 'Revoked by the IJB',
  superseded: (note) => `Superseded by ${note.other ?? 'a later direction'}: the IJB decided`,
  supersedes: (note) => `Supersedes ${note.other ?? 'an earlier direction'}: the IJB decided`,
};

export function changeLine(note: ChangeNote): ChangeLine {
  const { decidedOn, reference, link } = note.authority;
  return {
    kind: note.kind,
    text: `${VERB[note.kind](note)} on ${meetingDay(decidedOn)}, ${reference}`,
    ...(link ? { link } : {}),
    closes: note.kind === 'revoked' || note.kind === 'superseded',
  };
}

/** The direction's mid-year changes, oldest first, as its card lists them. */
export function changeLines(direction: Pick<Direction, 'registerChanges'>): ChangeLine[] {
  return (direction.registerChanges ?? []).map(changeLine);
}

/** True when the register's own changes explain the direction's lifecycle (not an outcome table). */
export function lifecycleFromRegister(direction: Pick<Direction, 'registerChanges'>): boolean {
  return (direction.registerChanges ?? []).some(
    (note) => note.kind === 'varied' || note.fields.includes('lifecycle'),
  );
}
