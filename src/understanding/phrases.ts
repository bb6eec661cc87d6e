import type { Recipient } from '../domain/direction';
import type { LeadFilter, StatusFilter } from './intent';
import { placeAt } from './places';
import { RECIPIENT_PHRASES, STATUS_PHRASES } from './vocabulary';

/** Health Boards by the words after "NHS", so "NHS Greater Glasgow and Clyde" is read whole. */
const HEALTH_BOARDS = [
  'greater glasgow and clyde',
  'greater glasgow',
  'ayrshire and arran',
  'dumfries and galloway',
  'forth valley',
  'western isles',
  'lothian',
  'borders',
  'fife',
  'tayside',
  'grampian',
  'highland',
  'lanarkshire',
  'orkney',
  'shetland',
].map((name) => name.split(' '));

/** Phrases by their first word, longest first, so each token is tried against a handful at most. */
function byFirstWord<T>(phrases: readonly [string, T][]): Map<string, [string[], T][]> {
  const map = new Map<string, [string[], T][]>();
  for (const [phrase, value] of phrases) {
    const words = phrase.split(' ');
    const list = map.get(words[0] ?? '') ?? [];
    list.push([words, value]);
    map.set(words[0] ?? '', list);
  }
  for (const list of map.values()) list.sort((a, b) => b[0].length - a[0].length);
  return map;
}

function phraseAt<T>(
  table: Map<string, [string[], T][]>,
  tokens: readonly string[],
  at: number,
): { value: T; length: number } | undefined {
  for (const [words, value] of table.get(tokens[at] ?? '') ?? [])
    if (words.every((word, i) => tokens[at + i] === word)) return { value, length: words.length };
  return undefined;
}

const STATUSES = byFirstWord(STATUS_PHRASES);
const RECIPIENTS = byFirstWord(RECIPIENT_PHRASES);

export function statusAt(
  tokens: readonly string[],
  at: number,
): { status: StatusFilter; length: number } | undefined {
  const found = phraseAt(STATUSES, tokens, at);
  return found ? { status: found.value, length: found.length } : undefined;
}

/** "NHS Lothian", "the council", "health board", "Midlothian Council". */
export function recipientAt(
  tokens: readonly string[],
  at: number,
): { recipient: Recipient; length: number } | undefined {
  if (tokens[at] === 'nhs') {
    const board = HEALTH_BOARDS.find((words) => words.every((word, i) => tokens[at + 1 + i] === word));
    return { recipient: 'health-board', length: 1 + (board?.length ?? 0) };
  }
  // "<area> Council" (Midlothian Council, Perth and Kinross Council) is the Council, not the IJB.
  const councilSoon = tokens.indexOf('council', at + 1);
  const place = councilSoon > at && councilSoon <= at + 4 ? placeAt(tokens, at) : undefined;
  if (place && tokens[at + place.length] === 'council')
    return { recipient: 'council', length: place.length + 1 };
  const found = phraseAt(RECIPIENTS, tokens, at);
  return found ? { recipient: found.value, length: found.length } : undefined;
}

/** A Slack mention as Slack sends it (`<@U123|jane>`), or a name typed with an @. */
export function leadAt(original: string): LeadFilter | undefined {
  const mention = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>[,.]?$/.exec(original);
  if (mention?.[1]) return { kind: 'user', userId: mention[1] };
  const named = /^@([\w.-]+)$/.exec(original);
  return named?.[1] ? { kind: 'named', name: named[1] } : undefined;
}
