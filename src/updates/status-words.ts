import type { UpdateStatus } from '../domain/progress-update';
import { editDistance } from '../lookup/text-match';

/**
 * The words officers use for where a direction stands. Partners report in RAG colours
 * (red/amber/green, blue for complete), in the register's words, or in plain English.
 */
const PHRASES: Record<UpdateStatus, readonly string[]> = {
  'not-started': [
    'not started',
    'not yet started',
    'not begun',
    'yet to start',
    'to do',
    'todo',
    'grey',
    'gray',
  ],
  'on-track': [
    'on track',
    'ontrack',
    'green',
    'good',
    'fine',
    'going well',
    'on target',
    'on schedule',
    'ok',
    'okay',
  ],
  'at-risk': ['at risk', 'atrisk', 'amber', 'risk', 'risky', 'slipping', 'yellow', 'some risk'],
  'off-track': [
    'off track',
    'offtrack',
    'red',
    'behind',
    'behind schedule',
    'late',
    'delayed',
    'stalled',
    'blocked',
    'stuck',
  ],
  achieved: ['achieved', 'done', 'complete', 'completed', 'delivered', 'finished', 'blue'],
  retired: [
    'retire',
    'retired',
    'propose retire',
    'propose retirement',
    'retirement',
    'no longer relevant',
    'superseded',
  ],
};

const ENTRIES = Object.entries(PHRASES)
  .flatMap(([status, phrases]) => phrases.map((phrase) => ({ status: status as UpdateStatus, phrase })))
  .sort((a, b) => b.phrase.length - a.phrase.length);

export interface StatusReading {
  status: UpdateStatus;
  /** The words as typed that gave the status, to show what was understood. */
  words: string;
  /** What follows the status words, separators removed. */
  rest: string;
}

/** Lower case, hyphens and underscores as spaces: "At-Risk" and "at_risk" read as "at risk". */
function fold(text: string): string {
  return text.toLowerCase().replace(/[-_]/g, ' ');
}

/**
 * Reads a status from the start of `text` — "at risk: …", "Amber - …", "behind, …" —
 * allowing one typo in longer words ("on trak"). Undefined when the text does not start with one.
 */
export function readStatus(text: string): StatusReading | undefined {
  const trimmed = text.trimStart();
  const folded = fold(trimmed);
  for (const { status, phrase } of ENTRIES) {
    if (!folded.startsWith(phrase)) continue;
    const after = folded.charAt(phrase.length);
    if (after !== '' && /[a-z0-9]/.test(after)) continue;
    return reading(status, trimmed, phrase.length);
  }
  const [first = '', second = ''] = folded.split(/[^a-z]+/);
  for (const candidate of [`${first} ${second}`, first]) {
    if (candidate.trim().length < 5) continue;
    const near = ENTRIES.find(({ phrase }) => phrase.length >= 5 && editDistance(candidate, phrase, 1) <= 1);
    if (near) return reading(near.status, trimmed, candidate.length);
  }
  return undefined;
}

/** The whole text as a status, for a button-less answer in a conversation ("amber"). */
export function statusOnly(text: string): UpdateStatus | undefined {
  const read = readStatus(text);
  return read && read.rest === '' ? read.status : undefined;
}

function reading(status: UpdateStatus, text: string, length: number): StatusReading {
  return {
    status,
    words: text.slice(0, length).trim(),
    rest: text
      .slice(length)
      .replace(/^\s*[:;,.\-–—]+\s*/, '')
      .trim(),
  };
}

export const STATUS_WORD_EXAMPLES =
  'on track, at risk (amber), off track (behind), not started, achieved, retire';
