import { DirectionRefSchema } from '../domain/direction';
import { plainText } from './slack-text';
import { readStatus, STATUS_WORD_EXAMPLES } from './status-words';
import type { RawUpdate } from './update-input';

/** What `/direction update …` asked for. */
export type UpdateRequest =
  | { kind: 'form'; ref: string }
  | { kind: 'line'; ref: string; statusWords: string; raw: RawUpdate }
  | { kind: 'invalid'; problem: string; example: string; ref?: string };

const EXAMPLE = '/direction update 5.1 at risk: data sharing agreement with NHS Lothian not signed';

/**
 * `5.1` alone asks for the form; `5.1 at risk: what happened` is a whole update in one line.
 * Status words are read loosely (amber, at-risk, behind…); links in the text are its evidence.
 */
export function parseUpdateRequest(text: string): UpdateRequest {
  const match = /^(\S+)\s*([\s\S]*)$/.exec(text.trim());
  const [, first = '', rest = ''] = match ?? [];
  if (first === '') {
    return {
      kind: 'invalid',
      problem: 'Which direction is this about? Give its ref first.',
      example: EXAMPLE,
    };
  }
  const ref = DirectionRefSchema.safeParse(first);
  if (!ref.success || !/\d/.test(first)) {
    return {
      kind: 'invalid',
      problem: `“${plainText(first)}” is not a direction ref: refs look like 5.1 or D15c, and come first.`,
      example: EXAMPLE,
    };
  }
  if (rest.trim() === '') return { kind: 'form', ref: ref.data };
  const status = readStatus(rest);
  if (!status) {
    return {
      kind: 'invalid',
      ref: ref.data,
      problem: `I could not tell how ${ref.data} is going from “${clipWords(plainText(rest))}”. Start with a status: ${STATUS_WORD_EXAMPLES}.`,
      example: `/direction update ${ref.data} on track: ${clipWords(plainText(rest), 60)}`,
    };
  }
  const links = [...plainText(status.rest).matchAll(/https?:\/\/[^\s<>|]+/gi)].map((m) =>
    m[0].replace(/[.,;)]+$/, ''),
  );
  return {
    kind: 'line',
    ref: ref.data,
    statusWords: status.words,
    raw: { status: status.status, text: status.rest, evidence: links.join('\n') },
  };
}

function clipWords(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * `5.1 for NHS Lothian at risk: …`: the words after "for" (or "on behalf of") that name a
 * body, tried longest first, and the rest of the line after them.
 */
export function takeBodyWords(
  rest: string,
  isBody: (words: string) => boolean,
): { words?: string; rest: string } {
  const match = /^(?:for|on behalf of)\s+(.*)$/is.exec(rest.trim());
  if (!match) return { rest };
  const words = (match[1] ?? '').split(/\s+/);
  for (let count = Math.min(5, words.length); count >= 1; count--) {
    const said = words.slice(0, count).join(' ').replace(/[:,]$/, '');
    if (isBody(said)) return { words: said, rest: words.slice(count).join(' ') };
  }
  return { rest };
}
