import { readDirectionRef } from '../domain/direction-ref';
import type { Filter, Intent, ListKind, Place } from './intent';
import { leadAt, recipientAt, statusAt } from './phrases';
import { placeAt, readPlanYear } from './places';
import { timeAt } from './time-words';
import {
  CAPABILITY_COMMANDS,
  EXACT_COMMANDS,
  FILLERS,
  HELP_WORDS,
  LIST_PHRASES,
  LIST_VERBS,
  REF_VERBS,
  SEARCH_VERBS,
} from './vocabulary';
import { closeWord } from './words';

export const MAX_TEXT = 500;

export interface ParseOptions {
  /** Command words capabilities registered beyond the vocabulary's own (they take their text as typed). */
  commands?: readonly string[];
}

const TYPO_TARGETS = [
  ...Object.keys(LIST_VERBS),
  ...Object.keys(REF_VERBS),
  ...SEARCH_VERBS,
  ...HELP_WORDS,
  ...CAPABILITY_COMMANDS,
];
const UPDATE_VERBS = new Set(['update', 'report', 'progress']);

/**
 * What an officer means by what they typed, wherever they typed it. A ref anywhere in the
 * text wins: the text is about that direction. Without one, list words and filters in plain
 * words decide; what is left is searched for.
 */
export function parseIntent(raw: string, options: ParseOptions = {}): Intent {
  const text = raw.trim().replace(/^\/direction(-[a-z0-9]+)?(\s+|$)/i, '');
  if (text === '') return { kind: 'help' };
  const spans = [...text.matchAll(/\S+/g)];
  const original = spans.map((span) => span[0]);
  // Everything from a token on, exactly as typed (line breaks and all): it may be someone's update.
  const rest = (from: number) => (from < spans.length ? text.slice(spans[from]?.index).trim() : '');
  const tokens = original.map((token) => token.toLowerCase().replace(/^[“"']+|[”"'?!,;]+$/g, '') || token);
  const place: Place = {};

  // A place first ("east lothian 2019-20 …") then the command word.
  let start = 0;
  for (let read = readPlace(tokens, start, place); read > 0; read = readPlace(tokens, start, place))
    start += read;
  const first = tokens[start] ?? '';
  const commands = [...CAPABILITY_COMMANDS, ...EXACT_COMMANDS, ...(options.commands ?? [])];
  const firstWord = commands.includes(first) ? first : closeWord(first, TYPO_TARGETS);

  if (first === 'help' || first === '?') {
    const topic = rest(start + 1);
    return { kind: 'help', ...(topic ? { topic } : {}) };
  }
  // `update 5.1 …` / `report 5.1 …`: everything after the ref is the update, exactly as typed.
  if (firstWord && UPDATE_VERBS.has(firstWord)) {
    const ref = readDirectionRef(original[start + 1] ?? '');
    if (ref) return { kind: 'update', ref, text: rest(start + 2), place };
    if (firstWord !== 'report') return { kind: 'update', text: rest(start + 1), place };
  }
  if (firstWord && commands.includes(firstWord))
    return { kind: 'command', name: firstWord, text: rest(start + 1), place };

  // Updates and capability commands judge their own length (an update may be long); a look-up is short.
  if (text.length > MAX_TEXT)
    return invalid(`That is ${text.length} characters; I read up to ${MAX_TEXT}.`, 'search carers');
  const filter: Filter = {};
  const about: string[] = [];
  let list: ListKind | undefined;
  let mine = false;
  let refVerb: (typeof REF_VERBS)[string] | undefined;
  let ref: string | undefined;
  let search = false;
  let help = false;
  for (let at = start; at < tokens.length; ) {
    const token = tokens[at] ?? '';
    const lead = leadAt(original[at] ?? '');
    if (lead) {
      filter.lead ??= lead;
      at++;
      continue;
    }
    const time = timeAt(tokens, at) ?? dueDays(tokens, at, list);
    if (time) {
      if ('problem' in time) return invalid(time.problem, 'due in 60 days  ·  due in january');
      filter.time ??= time.window;
      at += time.length;
      continue;
    }
    const status = statusAt(tokens, at);
    const recipient = status ? undefined : recipientAt(tokens, at);
    if (status || recipient) {
      if (status) filter.status ??= status.status;
      if (recipient) filter.recipient ??= recipient.recipient;
      at += status?.length ?? recipient?.length ?? 1;
      continue;
    }
    const placed = readPlace(tokens, at, place);
    if (placed > 0) {
      at += placed;
      continue;
    }
    const phrase = LIST_PHRASES[`${token} ${tokens[at + 1] ?? ''}`];
    if (phrase) {
      if (phrase === 'mine') mine = true;
      else list ??= phrase;
      at += 2;
      continue;
    }
    const found = ref ? undefined : readDirectionRef(original[at] ?? '');
    if (found) {
      ref = found;
      // "5.1 update on track: …" is an update too, its text what follows the verb.
      const next = closeWord(tokens[at + 1] ?? '', TYPO_TARGETS);
      if (next && UPDATE_VERBS.has(next) && !refVerb)
        return { kind: 'update', ref, text: rest(at + 2), place };
      at++;
      continue;
    }
    const word = closeWord(token, TYPO_TARGETS) ?? token;
    if (word in LIST_VERBS && !(word === 'directions' && list)) {
      const kind = LIST_VERBS[word];
      if (kind === 'mine') mine = true;
      else if (kind) list ??= kind;
    } else if (word in REF_VERBS) {
      // "show history for 5.1": the more particular verb wins over show.
      if (!refVerb || refVerb === 'show') refVerb = REF_VERBS[word];
    } else if (SEARCH_VERBS.includes(word)) search = true;
    else if (HELP_WORDS.includes(word)) help = true;
    else if (!FILLERS.has(token) && /[\p{L}\p{N}]/u.test(token)) about.push(original[at] ?? token);
    at++;
  }

  if (ref) {
    switch (refVerb) {
      case 'history':
      case 'undo':
      case 'edit':
        return { kind: refVerb, ref, place };
      case 'update':
        return { kind: 'update', ref, text: '', place };
      default:
        return { kind: 'show', ref, share: refVerb === 'share', place };
    }
  }
  if (help && !list && !search)
    return { kind: 'help', ...(about.length > 0 ? { topic: about.join(' ') } : {}) };
  if (mine) filter.lead ??= { kind: 'me' };
  if (about.length > 0) filter.about = about.join(' ');
  const hasFilter = Object.keys(filter).length > 0;
  if (search && !list) {
    const { about: words, ...others } = filter;
    return words
      ? { kind: 'search', words, filter: others, place }
      : invalid('Tell me what to look for.', 'search unpaid carers');
  }
  if (list) return { kind: 'list', list, filter, place };
  if (mine) return { kind: 'list', list: 'mine', filter, place };
  if (refVerb && !hasFilter) {
    const verb = Object.keys(REF_VERBS).find((key) => REF_VERBS[key] === refVerb) ?? 'status';
    return invalid(`Which direction? Give its ref, like 5.1 or D15c.`, `${verb} 5.1`);
  }
  if (filter.about && Object.keys(filter).length === 1)
    return { kind: 'search', words: filter.about, filter: {}, place };
  if (hasFilter) return { kind: 'list', list: filter.time ? 'due' : 'all', filter, place };
  if (place.ijbId || place.planYear) return { kind: 'list', list: 'all', filter, place };
  return { kind: 'help' };
}

/** Reads an IJB or a plan year at `at` into `place`; how many tokens it took (0 for none). */
function readPlace(tokens: readonly string[], at: number, place: Place): number {
  const year = readPlanYear(tokens[at] ?? '');
  if (year) {
    place.planYear ??= year;
    return 1;
  }
  const named = placeAt(tokens, at);
  if (!named || tokens[at + named.length] === 'council') return 0;
  if (!place.ijbId) {
    place.ijbId = named.place.id;
    place.ijbName = named.place.name;
  }
  return named.length;
}

/** "due 60": a bare number straight after "due" is a number of days, as before. */
function dueDays(tokens: readonly string[], at: number, list: ListKind | undefined) {
  if (list !== 'due' || tokens[at - 1] !== 'due' || !/^\d{1,4}$/.test(tokens[at] ?? '')) return undefined;
  const days = Number(tokens[at]);
  return days >= 1 && days <= 800
    ? { window: { kind: 'days' as const, days }, length: 1 }
    : { problem: 'Pick between 1 and 800 days.', length: 1 };
}

function invalid(problem: string, example: string): Intent {
  return { kind: 'invalid', problem, example };
}
