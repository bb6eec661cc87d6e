import type { Recipient } from '../domain/direction';
import type { ListKind, StatusFilter } from './intent';

/**
 * The words the product understands, in one place. A phrase is lower-case words; the parser
 * tries the longest first. Verbs of 5+ letters are also read through one typo ("overdeu").
 */
export const LIST_VERBS: Record<string, ListKind> = {
  list: 'all',
  all: 'all',
  everything: 'all',
  directions: 'all',
  register: 'all',
  due: 'due',
  upcoming: 'due',
  deadlines: 'due',
  overdue: 'overdue',
  late: 'overdue',
  mine: 'mine',
  my: 'mine',
};

/** Two-word verbs, read before single words. */
export const LIST_PHRASES: Record<string, ListKind> = {
  'coming up': 'due',
  'due soon': 'due',
  'past due': 'overdue',
  'my directions': 'mine',
  'i lead': 'mine',
};

/** Verbs about one direction; with a ref anywhere in the text they pick what to do with it. */
export const REF_VERBS: Record<string, 'show' | 'share' | 'history' | 'undo' | 'edit' | 'update'> = {
  show: 'show',
  status: 'show',
  open: 'show',
  view: 'show',
  card: 'show',
  details: 'show',
  lookup: 'show',
  direction: 'show',
  share: 'share',
  post: 'share',
  history: 'history',
  log: 'history',
  updates: 'history',
  timeline: 'history',
  undo: 'undo',
  withdraw: 'undo',
  edit: 'edit',
  correct: 'edit',
  amend: 'edit',
  update: 'update',
  report: 'update',
  progress: 'update',
};

export const SEARCH_VERBS = ['search', 'find', 'about', 'lookup'];
export const HELP_WORDS = ['help', '?', 'hello', 'hi', 'hey', 'commands', 'usage', 'start'];

/**
 * Commands a capability answers with its own words after them (kept exactly as typed). Room
 * is kept for ones still to come (review, report without a ref, sign-offs).
 */
/**
 * The board's mid-year changes (`add`, `vary 5.1`, `revoke 5.1`, `supersede 5.1 by 5.4`): taken
 * only as typed, never as the nearest word to a typo ("and" is not "add", "very" not "vary").
 */
export const EXACT_COMMANDS = ['add', 'vary', 'revoke', 'supersede'];

export const CAPABILITY_COMMANDS = [
  'subscribe',
  'unsubscribe',
  'subscriptions',
  'import',
  'assign',
  'admins',
  'review',
  'sign-offs',
  'signoffs',
  'report',
];

export const STATUS_PHRASES: [string, StatusFilter][] = (
  [
    ['awaiting sign-off', 'awaiting-sign-off'],
    ['awaiting sign off', 'awaiting-sign-off'],
    ['awaiting signoff', 'awaiting-sign-off'],
    ['pending sign-off', 'awaiting-sign-off'],
    ['pending sign off', 'awaiting-sign-off'],
    ['needs sign-off', 'awaiting-sign-off'],
    ['awaiting approval', 'awaiting-sign-off'],
    ['not yet reported', 'not-reported'],
    ['not reported', 'not-reported'],
    ['unreported', 'not-reported'],
    ['no updates', 'not-reported'],
    ['not started', 'not-started'],
    ['on track', 'on-track'],
    ['on-track', 'on-track'],
    ['green', 'on-track'],
    ['at risk', 'at-risk'],
    ['at-risk', 'at-risk'],
    ['amber', 'at-risk'],
    ['off track', 'off-track'],
    ['off-track', 'off-track'],
    ['red', 'off-track'],
    ['behind', 'off-track'],
    ['achieved', 'achieved'],
    ['completed', 'achieved'],
    ['retired', 'retired'],
  ] as [string, StatusFilter][]
).sort((a, b) => b[0].split(' ').length - a[0].split(' ').length);

export const STATUS_FILTER_LABELS: Record<StatusFilter, string> = {
  'not-reported': 'not yet reported',
  'not-started': 'not started',
  'on-track': 'on track',
  'at-risk': 'at risk',
  'off-track': 'off track',
  achieved: 'achieved',
  retired: 'retired',
  'awaiting-sign-off': 'awaiting sign-off',
};

/** The partner a phrase names. "NHS <anything>" is a Health Board; "<area> council" is a Council. */
export const RECIPIENT_PHRASES: [string, Recipient][] = (
  [
    ['health board', 'health-board'],
    ['health-board', 'health-board'],
    ['healthboard', 'health-board'],
    ['the board', 'health-board'],
    ['nhs', 'health-board'],
    ['the council', 'council'],
    ['council', 'council'],
    ['local authority', 'council'],
  ] as [string, Recipient][]
).sort((a, b) => b[0].split(' ').length - a[0].split(' ').length);

/** Words that carry no meaning of their own in a request ("what is overdue for the council"). */
export const FILLERS = new Set(
  "a an the is are was what whats what's which show me please can you i tell list of for to with that be in on do does any anything there give get let see how 'd and issued directions direction".split(
    ' ',
  ),
);
