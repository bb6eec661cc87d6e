import { readDirectionRef } from '../domain/direction-ref';

/** What an admin asked of `/direction add|vary|revoke|supersede …`. */
export type ChangeCommand =
  | { kind: 'add'; ref?: string }
  | { kind: 'vary' | 'revoke'; ref: string }
  | { kind: 'supersede'; ref: string; by: string }
  | { kind: 'invalid'; problem: string; example: string };

export type ChangeVerb = 'add' | 'vary' | 'revoke' | 'supersede';

export const CHANGE_EXAMPLES: Record<ChangeVerb, string> = {
  add: '/direction add',
  vary: '/direction vary 5.1',
  revoke: '/direction revoke 5.1',
  supersede: '/direction supersede 5.1 by 5.4',
};

/** Reads the words after the verb: a ref, and for supersede "by" (or "with") the successor's. */
export function parseChangeCommand(verb: ChangeVerb, text: string): ChangeCommand {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const first = words[0] ? readDirectionRef(words[0]) : undefined;
  if (verb === 'add') {
    if (words.length === 0) return { kind: 'add' };
    return first && words.length === 1
      ? { kind: 'add', ref: first }
      : invalid('Give only the new ref, or nothing: the form asks the rest.', CHANGE_EXAMPLES.add);
  }
  if (!first) return invalid('Which direction? Give its ref, like 5.1.', CHANGE_EXAMPLES[verb]);
  if (verb !== 'supersede')
    return words.length === 1
      ? { kind: verb, ref: first }
      : invalid(`Give only the ref: the form asks the rest.`, CHANGE_EXAMPLES[verb]);
  const joiner = (words[1] ?? '').toLowerCase();
  const by = words[2] ? readDirectionRef(words[2]) : undefined;
  if (words.length !== 3 || !['by', 'with'].includes(joiner) || !by)
    return invalid('Say which direction replaces it.', CHANGE_EXAMPLES.supersede);
  return { kind: 'supersede', ref: first, by };
}

function invalid(problem: string, example: string): ChangeCommand {
  return { kind: 'invalid', problem, example };
}
