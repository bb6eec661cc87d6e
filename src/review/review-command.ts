import { DirectionRefSchema } from '../domain/direction';
import { type LocalDate, MONTH_NAMES } from '../domain/local-date';

/** What an admin asked of `/direction review …`. */
export type ReviewCommand =
  | { kind: 'open'; name: string; closes: LocalDate; refs: string[] }
  | { kind: 'status' }
  | { kind: 'close' }
  | { kind: 'extend'; closes: LocalDate; why?: string }
  | { kind: 'reopen'; name: string; why: string }
  | { kind: 'list' }
  | { kind: 'invalid'; problem: string; example: string };

const OPEN_EXAMPLE = '/direction review open "2023-24 mid-year" closes 15 Dec 2023';

export function parseReviewCommand(text: string): ReviewCommand {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  const [word = '', ...rest] = trimmed.split(' ');
  const tail = rest.join(' ');
  switch (word.toLowerCase()) {
    case '':
    case 'status':
      return { kind: 'status' };
    case 'close':
      return { kind: 'close' };
    case 'list':
      return { kind: 'list' };
    case 'open': {
      const match = /^["“”']?(.+?)["“”']? closes (.+?)(?: for (.+))?$/i.exec(tail);
      if (!match?.[1] || !match[2])
        return invalid('Give the round a name and the day it closes.', OPEN_EXAMPLE);
      const closes = parseDay(match[2]);
      if (!closes) return invalid(`I cannot read "${match[2]}" as a day.`, OPEN_EXAMPLE);
      const refs = (match[3] ?? '').split(/[ ,]+/).filter(Boolean);
      const bad = refs.filter((ref) => !DirectionRefSchema.safeParse(ref).success);
      if (bad.length) return invalid(`${bad.join(', ')} is not a ref.`, `${OPEN_EXAMPLE} for 1.1 2.1 5.1`);
      return { kind: 'open', name: match[1].trim(), closes, refs };
    }
    case 'extend': {
      const match = /^(?:to )?(.+?)(?: because (.+))?$/i.exec(tail);
      const closes = match?.[1] ? parseDay(match[1]) : undefined;
      if (!closes)
        return invalid(
          'Say the new closing day.',
          '/direction review extend 22 Dec 2023 because of the strike',
        );
      return { kind: 'extend', closes, ...(match?.[2] ? { why: match[2] } : {}) };
    }
    case 'reopen': {
      const match = /^["“”']?(.+?)["“”']? because (.+)$/i.exec(tail);
      if (!match?.[1] || !match[2])
        return invalid(
          'Name the round and say why it reopens.',
          '/direction review reopen "2023-24 mid-year" because NHS Lothian’s return came late',
        );
      return { kind: 'reopen', name: match[1].trim(), why: match[2].trim() };
    }
    default:
      return invalid(`I do not know "review ${word}".`, 'open, status, close, extend, reopen or list');
  }
}

/** "15 Dec 2023", "15 December 2023", "2023-12-15". */
export function parseDay(text: string): LocalDate | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const words = /^(\d{1,2}) ([a-z]+) (\d{4})$/i.exec(text.trim());
  let year: number;
  let month: number;
  let day: number;
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (words?.[2]) {
    const name = words[2].toLowerCase();
    month = MONTH_NAMES.findIndex((full) => name.length >= 3 && full.toLowerCase().startsWith(name)) + 1;
    [year, day] = [Number(words[3]), Number(words[1])];
  } else return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

function invalid(problem: string, example: string): ReviewCommand {
  return { kind: 'invalid', problem, example };
}
