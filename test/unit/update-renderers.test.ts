import { describe, expect, it } from 'vitest';
import type { Direction } from '../../src/domain/direction';
import type { HistoryEvent, ProgressUpdate } from '../../src/domain/progress-update';
import { renderPrompt } from '../../src/updates/slack/render/conversation';
import { renderHistory } from '../../src/updates/slack/render/history';
import { renderSaved } from '../../src/updates/slack/render/receipts';
import { renderUpdateForm } from '../../src/updates/slack/render/update-form';

const longest: ProgressUpdate = {
  id: 'x'.repeat(20),
  ijbId: 'east-lothian',
  planYear: '2019-20',
  ref: 'D15c.12a.3',
  at: '2024-12-02T10:00:00.000Z',
  by: 'U0123456789',
  status: 'achieved',
  text: 'w '.repeat(1500),
  evidence: Array.from({ length: 5 }, (_, index) => `https://example.org/${index}/${'p'.repeat(470)}`),
  expectedDate: '2025-03-31',
  nextSteps: 'n '.repeat(750),
  via: 'form',
  revision: 3,
  signOff: { state: 'pending' },
};

const direction: Direction = {
  ijbId: 'east-lothian',
  planYear: '2019-20',
  ref: 'D15c.12a.3',
  theme: { name: 'A very long theme name that goes on and on about services for older people' },
  text: 't '.repeat(5000),
  issuedTo: ['health-board'],
  deadlines: [],
  status: 'on-track',
  leads: [],
  version: 1,
};

function sectionsWithin(blocks: { type: string; text?: { text: string } }[]) {
  for (const block of blocks)
    if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
}

describe('updates within Block Kit’s limits', () => {
  it('fits a page of ten longest-possible updates in one message', () => {
    const events: HistoryEvent[] = Array.from({ length: 10 }, () => ({ kind: 'update', update: longest }));
    const reply = renderHistory({
      ref: longest.ref,
      scopeLabel: 'East Lothian 2019-20',
      ijbId: 'east-lothian',
      planYear: '2019-20',
      events,
      next: 'c'.repeat(400),
      page: 3,
      viewerId: 'U0123456789',
      now: new Date('2024-12-02T10:05:00Z'),
    });
    expect(reply.blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(reply.blocks)).not.toContain('more blocks not shown');
    sectionsWithin(reply.blocks as never);
  });

  it('keeps the form within a modal’s limits, prefilled with the longest update', () => {
    const view = renderUpdateForm(
      direction,
      {
        status: 'achieved',
        text: longest.text,
        evidence: longest.evidence.join('\n'),
        nextSteps: longest.nextSteps,
      },
      {
        ijbId: 'east-lothian',
        planYear: '2019-20',
        ref: direction.ref,
        mode: 'conversation',
        convo: {
          c: 'C0123456789',
          t: '1700000000.000100',
          i: '8c1e0c46-9a52-4d47-a0b6-6c3f30a3b3a1',
          k: { ijbId: 'east-lothian', planYear: '2019-20', ref: direction.ref },
        },
        typedIn: 'C0123456789',
      },
    );
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect((view.private_metadata ?? '').length).toBeLessThanOrEqual(3000);
    sectionsWithin(view.blocks as never);
  });

  it('keeps receipts and conversation buttons within limits', () => {
    const reply = renderSaved(longest, undefined);
    sectionsWithin(reply.blocks as never);
    const prompt = renderPrompt(
      {
        kind: 'confirm',
        ref: direction.ref,
        raw: { status: 'on-track', text: longest.text, evidence: longest.evidence.join('\n') },
        state: {
          channel: 'C0123456789',
          thread: '1700000000.000100',
          userId: 'U0123456789',
          id: '8c1e0c46-9a52-4d47-a0b6-6c3f30a3b3a1',
          step: 'confirm',
          choices: [],
          direction: { ijbId: 'east-lothian', planYear: '2019-20', ref: direction.ref },
          draft: {},
          inChannel: true,
          lastTs: '',
          updatedAt: '',
          expiresAt: '',
          version: 1,
        },
      },
      'U0123456789',
    );
    sectionsWithin(prompt.blocks as never);
    for (const value of JSON.stringify(prompt.blocks).matchAll(/"value":"((?:[^"\\]|\\.)*)"/g))
      expect((value[1] ?? '').length).toBeLessThanOrEqual(2000);
  });
});
