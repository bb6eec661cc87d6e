import { DirectionRefSchema } from '../domain/direction';
import { MONTH_NAMES } from '../domain/local-date';
import { normalisePlanYear, type PlanYear } from '../domain/plan-year';

export type DueWindow = { kind: 'days'; days: number } | { kind: 'month'; month: number; year?: number };

/** What an officer asked for with `/direction …`. */
export type DirectionCommand =
  | { kind: 'help' }
  | { kind: 'show'; ref: string; planYear?: PlanYear; share: boolean }
  | { kind: 'search'; words: string; planYear?: PlanYear }
  | { kind: 'list'; planYear?: PlanYear }
  | { kind: 'due'; window: DueWindow; planYear?: PlanYear }
  | { kind: 'overdue'; planYear?: PlanYear }
  | { kind: 'not-yet'; feature: string }
  | { kind: 'invalid'; problem: string; example: string };

/** Sub-commands that later capabilities answer; until they land, a polite "not yet" rather than a search. */
export const NOT_YET = new Set([
  'update',
  'history',
  'mine',
  'assign',
  'admins',
  'subscribe',
  'unsubscribe',
  'subscriptions',
  'import',
  'review',
  'report',
]);

export const DEFAULT_DUE_DAYS = 30;
const MAX_DUE_DAYS = 800;
const MAX_TEXT = 500;

/**
 * Splits `/direction [year] <word> <rest>` so a sub-command can be picked by its first word.
 * `rest` is kept exactly as typed (bar the surrounding spaces): it may be someone's update.
 */
export function splitSubcommand(raw: string): { planYear?: PlanYear; word: string; rest: string } {
  const first = /^(\S*)\s*([\s\S]*)$/.exec(raw.trim());
  const planYear = first?.[1] ? normalisePlanYear(first[1]) : undefined;
  const words = planYear ? /^(\S*)\s*([\s\S]*)$/.exec(first?.[2] ?? '') : first;
  return {
    ...(planYear ? { planYear } : {}),
    word: (words?.[1] ?? '').toLowerCase(),
    rest: (words?.[2] ?? '').trim(),
  };
}

export function parseDirectionCommand(raw: string): DirectionCommand {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text.length > MAX_TEXT) {
    return invalid(
      `That is ${text.length} characters; I read up to ${MAX_TEXT}.`,
      '/direction search carers',
    );
  }
  const tokens = text.split(' ').filter(Boolean);
  const planYear = tokens[0] ? normalisePlanYear(tokens[0]) : undefined;
  if (planYear) tokens.shift();
  const [first = '', ...rest] = tokens;
  const word = first.toLowerCase();
  const scoped = planYear ? { planYear } : {};

  if (word === '') return planYear ? { kind: 'list', ...scoped } : { kind: 'help' };
  if (word === 'help' || word === '?') return { kind: 'help' };
  if (word === 'list' || word === 'all') return { kind: 'list', ...scoped };
  if (word === 'overdue') return { kind: 'overdue', ...scoped };
  if (word === 'due') {
    const window = parseDueWindow(rest.join(' '));
    return typeof window === 'string'
      ? invalid(window, '/direction due 60 days  ·  /direction due january')
      : { kind: 'due', window, ...scoped };
  }
  if (word === 'search' || word === 'find') {
    if (rest.length === 0) return invalid('Tell me what to look for.', '/direction search unpaid carers');
    return { kind: 'search', words: rest.join(' '), ...scoped };
  }
  if (NOT_YET.has(word)) return { kind: 'not-yet', feature: word };

  const ref = DirectionRefSchema.safeParse(first);
  if (ref.success && /\d/.test(first)) {
    const options = rest.map((token) => token.toLowerCase());
    if (options.length === 0) return { kind: 'show', ref: ref.data, share: false, ...scoped };
    if (options.length === 1 && options[0] === 'share')
      return { kind: 'show', ref: ref.data, share: true, ...scoped };
    return invalid(
      `I can show ${ref.data} to you, or share it in this channel, but "${rest.join(' ')}" is not something I know.`,
      `/direction ${ref.data}  ·  /direction ${ref.data} share`,
    );
  }
  return { kind: 'search', words: tokens.join(' '), ...scoped };
}

/** "" → 30 days; "60", "60 days", "60d", "2 weeks"; "january", "jan 2025". */
export function parseDueWindow(text: string): DueWindow | string {
  const words = text.toLowerCase().trim();
  if (words === '') return { kind: 'days', days: DEFAULT_DUE_DAYS };
  const span = /^(\d{1,4})\s*(d|days?|w|weeks?)?$/.exec(words);
  if (span?.[1]) {
    const days = Number(span[1]) * (span[2]?.startsWith('w') ? 7 : 1);
    if (days < 1 || days > MAX_DUE_DAYS) return `Pick between 1 and ${MAX_DUE_DAYS} days.`;
    return { kind: 'days', days };
  }
  const monthMatch = /^([a-z]+)\s*(\d{4})?$/.exec(words);
  const month = monthMatch?.[1] ? monthNumber(monthMatch[1]) : undefined;
  if (month)
    return monthMatch?.[2] ? { kind: 'month', month, year: Number(monthMatch[2]) } : { kind: 'month', month };
  return `I did not understand "${text.trim()}" as a number of days or a month.`;
}

export function monthNumber(word: string): number | undefined {
  if (word.length < 3) return undefined;
  const index = MONTH_NAMES.findIndex((name) => name.toLowerCase().startsWith(word.toLowerCase()));
  return index === -1 ? undefined : index + 1;
}

function invalid(problem: string, example: string): DirectionCommand {
  return { kind: 'invalid', problem, example };
}
