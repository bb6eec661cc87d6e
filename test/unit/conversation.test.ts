import { describe, expect, it } from 'vitest';
import type { ConversationState } from '../../src/domain/conversation-state';
import { type Move, takeInput } from '../../src/updates/conversation';

const TODAY = '2024-12-09';
const start: ConversationState = {
  channel: 'D1',
  thread: 'dm',
  userId: 'U1',
  id: 'c1',
  step: 'status',
  choices: [],
  direction: { ijbId: 'midlothian', planYear: '2023-24', ref: '5.1' },
  draft: {},
  inChannel: false,
  lastTs: '1',
  updatedAt: '2024-12-09T10:00:00.000Z',
  expiresAt: '2024-12-10T10:00:00.000Z',
  version: 1,
};

function next(move: Move): ConversationState {
  if (move.kind !== 'continue') throw new Error(`expected to continue, got ${move.kind}`);
  return move.state;
}

describe('the conversation, turn by turn', () => {
  it('asks status, then what happened, then evidence, then confirms', () => {
    const status = takeInput(start, { kind: 'status', status: 'at-risk' }, TODAY);
    expect(status).toMatchObject({ kind: 'continue', prompt: { kind: 'ask-text', ref: '5.1' } });
    const text = takeInput(next(status), { kind: 'text', text: 'DSA not signed' }, TODAY);
    expect(text).toMatchObject({ prompt: { kind: 'ask-evidence' } });
    const evidence = takeInput(next(text), { kind: 'text', text: 'skip' }, TODAY);
    expect(evidence).toMatchObject({
      prompt: { kind: 'confirm', raw: { status: 'at-risk', text: 'DSA not signed', evidence: '' } },
    });
    expect(takeInput(next(evidence), { kind: 'text', text: 'save' }, TODAY)).toMatchObject({ kind: 'save' });
  });

  it('takes a status and what happened from one reply', () => {
    expect(takeInput(start, { kind: 'text', text: 'behind: analyst post vacant' }, TODAY)).toMatchObject({
      state: { draft: { status: 'off-track', text: 'analyst post vacant' } },
      prompt: { kind: 'ask-evidence' },
    });
  });

  it('asks again, saying why, when it cannot read an answer', () => {
    expect(takeInput(start, { kind: 'text', text: 'hmm' }, TODAY)).toMatchObject({
      prompt: { kind: 'ask-status', retry: expect.stringContaining('I could not tell a status from “hmm”') },
    });
    const atEvidence = {
      ...start,
      step: 'evidence' as const,
      draft: { status: 'on-track' as const, text: 'fine' },
    };
    expect(takeInput(atEvidence, { kind: 'text', text: 'the minutes' }, TODAY)).toMatchObject({
      prompt: { kind: 'ask-evidence', retry: 'I need a link starting https:// here — or type skip.' },
    });
  });

  it('will not let Achieved skip its evidence', () => {
    const atEvidence = {
      ...start,
      step: 'evidence' as const,
      draft: { status: 'achieved' as const, text: 'live' },
    };
    expect(takeInput(atEvidence, { kind: 'text', text: 'skip' }, TODAY)).toMatchObject({
      prompt: {
        kind: 'ask-evidence',
        proposal: 'achieved',
        retry: expect.stringContaining('Achieved needs evidence'),
      },
    });
  });

  it('sends an over-long text back to its own question', () => {
    const atText = { ...start, step: 'text' as const, draft: { status: 'on-track' as const } };
    expect(takeInput(atText, { kind: 'text', text: 'y'.repeat(3001) }, TODAY)).toMatchObject({
      state: { step: 'text', draft: { text: undefined } },
      prompt: { kind: 'ask-text', retry: expect.stringContaining('3,001 characters') },
    });
  });

  it('stops on cancel at any step', () => {
    expect(takeInput(start, { kind: 'text', text: 'Cancel' }, TODAY)).toEqual({
      kind: 'end',
      prompt: { kind: 'cancelled', ref: '5.1' },
    });
  });

  it('asks which direction, then hands the ref over to be looked up', () => {
    const choosing = { ...start, step: 'choose' as const, direction: undefined };
    expect(takeInput(choosing, { kind: 'text', text: 'update 5.2 on track: fine' }, TODAY)).toEqual({
      kind: 'resolve',
      state: choosing,
      ref: '5.2',
      rest: 'on track: fine',
    });
    expect(takeInput(choosing, { kind: 'text', text: 'hello' }, TODAY)).toMatchObject({
      prompt: { kind: 'choose', retry: expect.stringContaining('Which direction') },
    });
  });
});
