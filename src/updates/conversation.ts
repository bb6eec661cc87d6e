import type { ConversationState, ConversationStep } from '../domain/conversation-state';
import type { UpdateSummary } from '../domain/direction';
import type { LocalDate } from '../domain/local-date';
import {
  type DirectionKey,
  type ProgressUpdate,
  type Proposal,
  proposalOf,
  type UpdateStatus,
} from '../domain/progress-update';
import { readStatus } from './status-words';
import { type RawUpdate, validateUpdate } from './update-input';

/** What a person can do in a conversation: type, or press one of its buttons. */
export type ConversationInput =
  | { kind: 'text'; text: string }
  | { kind: 'status'; status: UpdateStatus }
  | { kind: 'choose'; ref: string }
  | { kind: 'save' }
  | { kind: 'cancel' };

/** What the bot says next. Renderers turn these into messages. */
export type Prompt =
  | { kind: 'choose'; state: ConversationState; retry?: string }
  | {
      kind: 'ask-status';
      state: ConversationState;
      ref: string;
      previous?: UpdateSummary;
      retry?: string;
      firstInThread: boolean;
    }
  | { kind: 'ask-text'; state: ConversationState; ref: string; previous?: UpdateSummary; retry?: string }
  | { kind: 'ask-evidence'; state: ConversationState; ref: string; proposal?: Proposal; retry?: string }
  | { kind: 'confirm'; state: ConversationState; ref: string; raw: RawUpdate; retry?: string }
  | { kind: 'saved'; update: ProgressUpdate; previous?: UpdateSummary; duplicate: boolean }
  | { kind: 'cancelled'; ref?: string }
  | { kind: 'expired'; ref?: string; draft: ConversationState['draft'] }
  | { kind: 'problem'; text: string; draft?: ConversationState['draft'] };

/** The next move of a conversation once an input is taken in. */
export type Move =
  | { kind: 'continue'; state: ConversationState; prompt: Prompt }
  | { kind: 'resolve'; state: ConversationState; ref: string; rest: string }
  | { kind: 'save'; state: ConversationState; raw: RawUpdate }
  | { kind: 'end'; prompt: Prompt };

const CANCEL = /^(cancel|stop|quit|never ?mind|not an update|forget it)[.!]?$/i;
const SKIP = /^(skip|no|none|nope|n\/?a|no link|not yet|-)[.!]?$/i;
const SAVE = /^(save|yes|y|ok|okay|send|confirm)[.!]?$/i;
const HELP = /^(help|\?|what\?*|how\?*)[.!]?$/i;

/** What `help` says at each step: what is being asked, and the way out. */
const STEP_HELP: Record<ConversationStep, string> = {
  choose: 'I need the ref of the direction this update is about, like 5.1.',
  status: 'I need how it is going: on track, at risk, off track, not started, achieved or retire.',
  text: 'I need a sentence or two on what has happened since the last update.',
  evidence: 'I need a link starting https:// to a report, minutes or dashboard, or type skip.',
  confirm: 'Type save to keep this update, or press Edit to change it in a form.',
};
const WAY_OUT = 'Type cancel to stop: nothing is saved until you say save.';

export function stepOf(state: Pick<ConversationState, 'direction' | 'draft'>): ConversationStep {
  if (!state.direction) return 'choose';
  if (!state.draft.status) return 'status';
  if (!state.draft.text) return 'text';
  if (state.draft.evidence === undefined) return 'evidence';
  return 'confirm';
}

/** The question for where the conversation stands. */
export function promptFor(state: ConversationState, retry?: string, firstInThread = false): Prompt {
  const ref = state.direction?.ref ?? '';
  const extra = retry ? { retry } : {};
  const previous = state.previous ? { previous: state.previous } : {};
  switch (state.step) {
    case 'choose':
      return { kind: 'choose', state, ...extra };
    case 'status':
      return { kind: 'ask-status', state, ref, ...previous, ...extra, firstInThread };
    case 'text':
      return { kind: 'ask-text', state, ref, ...previous, ...extra };
    case 'evidence': {
      const proposal = state.draft.status && proposalOf(state.draft.status);
      return { kind: 'ask-evidence', state, ref, ...(proposal ? { proposal } : {}), ...extra };
    }
    case 'confirm':
      return { kind: 'confirm', state, ref, raw: rawOf(state), ...extra };
  }
}

export function rawOf(state: ConversationState): RawUpdate {
  return { status: state.draft.status, text: state.draft.text, evidence: state.draft.evidence };
}

/** Moves to the next missing piece, checking the piece just given with the same rules as the form. */
export function advanceTo(state: ConversationState, today: LocalDate, firstInThread = false): Move {
  const next = { ...state, step: stepOf(state) };
  const checked = validateUpdate({ status: 'on-track', text: 'x', ...definedOnly(rawOf(next)) }, today);
  if (!checked.ok) {
    const given = (name: 'text' | 'evidence') => checked.problems[name] && next.draft[name] !== undefined;
    const field = given('text') ? 'text' : given('evidence') ? 'evidence' : undefined;
    if (field) {
      const draft = { ...next.draft, [field]: undefined };
      const back = { ...next, draft, step: stepOf({ ...next, draft }) };
      return { kind: 'continue', state: back, prompt: promptFor(back, checked.problems[field]) };
    }
  }
  return { kind: 'continue', state: next, prompt: promptFor(next, undefined, firstInThread) };
}

/** Takes one input into the conversation: pure, so every turn can be tested without Slack. */
export function takeInput(state: ConversationState, input: ConversationInput, today: LocalDate): Move {
  const ref = state.direction?.ref;
  const text = input.kind === 'text' ? input.text.trim() : '';
  if (input.kind === 'cancel' || CANCEL.test(text))
    return { kind: 'end', prompt: { kind: 'cancelled', ...(ref ? { ref } : {}) } };
  if (HELP.test(text)) return retry(state, `${STEP_HELP[state.step]} ${WAY_OUT}`);

  switch (state.step) {
    case 'choose': {
      const wanted =
        input.kind === 'choose' ? input.ref : (/^\s*(?:update\s+)?(\S+)\s*([\s\S]*)$/i.exec(text) ?? []);
      const [chosen, rest] = typeof wanted === 'string' ? [wanted, ''] : [wanted[1], wanted[2] ?? ''];
      if (!chosen || !/\d/.test(chosen))
        return retry(state, 'Which direction is this about? Reply with its ref, like 5.1.');
      return { kind: 'resolve', state, ref: chosen, rest };
    }
    case 'status': {
      const reading = input.kind === 'status' ? { status: input.status, rest: '' } : readStatus(text);
      if (!reading)
        return retry(
          state,
          `I could not tell a status from “${text}”. Press one below, or type on track, at risk, off track or achieved.`,
        );
      const draft = {
        ...state.draft,
        status: reading.status,
        ...(reading.rest && !state.draft.text ? { text: reading.rest } : {}),
      };
      return advanceTo({ ...state, draft }, today);
    }
    case 'text':
      if (!text) return retry(state, 'Tell me in words what has happened since the last update.');
      return advanceTo({ ...state, draft: { ...state.draft, text } }, today);
    case 'evidence': {
      // A proposal's "skip" comes back here with the reason evidence is needed.
      if (SKIP.test(text)) return advanceTo({ ...state, draft: { ...state.draft, evidence: '' } }, today);
      const links = [...text.matchAll(/https?:\/\/[^\s<>|]+/gi)].map((match) =>
        match[0].replace(/[.,;)]+$/, ''),
      );
      if (links.length === 0) return retry(state, 'I need a link starting https:// here — or type skip.');
      return advanceTo({ ...state, draft: { ...state.draft, evidence: links.join('\n') } }, today);
    }
    case 'confirm':
      if (input.kind === 'save' || SAVE.test(text)) return { kind: 'save', state, raw: rawOf(state) };
      return retry(
        state,
        'Press Save to keep this update, Edit to change it in a form, or Cancel. (Or type save or cancel.)',
      );
  }
}

function retry(state: ConversationState, message: string): Move {
  return { kind: 'continue', state, prompt: promptFor(state, message) };
}

function definedOnly(raw: RawUpdate): RawUpdate {
  return Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined));
}

export type { DirectionKey };
