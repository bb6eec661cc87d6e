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

function phraseAt(tokens: readonly string[], at: number, phrase: string): boolean {
  return phrase.split(' ').every((word, i) => tokens[at + i] === word);
}

export function statusAt(
  tokens: readonly string[],
  at: number,
): { status: StatusFilter; length: number } | undefined {
  for (const [phrase, status] of STATUS_PHRASES)
    if (phraseAt(tokens, at, phrase)) return { status, length: phrase.split(' ').length };
  return undefined;
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
  const place = placeAt(tokens, at);
  if (place && tokens[at + place.length] === 'council')
    return { recipient: 'council', length: place.length + 1 };
  for (const [phrase, recipient] of RECIPIENT_PHRASES)
    if (phraseAt(tokens, at, phrase)) return { recipient, length: phrase.split(' ').length };
  return undefined;
}

/** A Slack mention as Slack sends it (`<@U123|jane>`), or a name typed with an @. */
export function leadAt(original: string): LeadFilter | undefined {
  const mention = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>[,.]?$/.exec(original);
  if (mention?.[1]) return { kind: 'user', userId: mention[1] };
  const named = /^@([\w.-]+)$/.exec(original);
  return named?.[1] ? { kind: 'named', name: named[1] } : undefined;
}
