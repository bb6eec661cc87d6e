import { describe, expect, it } from 'vitest';
import { scottishCalendar } from '../../src/domain/calendar';
import type { Direction } from '../../src/domain/direction';
import type { Ijb } from '../../src/domain/ijb';
import { type Scope, viewOf } from '../../src/lookup/views';
import { IJB_PROFILES } from '../../src/register/ijb-profiles';
import { type Block, clip, splitText, summary } from '../../src/slack/renderers/blocks';
import { renderDirectionCard } from '../../src/slack/renderers/direction-card';
import { renderDirectionList } from '../../src/slack/renderers/lists';

const ijb: Ijb = { ...(IJB_PROFILES.midlothian as Ijb), latestPlanYear: '2023-24' };
const scope: Scope = { ijb, planYear: '2023-24', calendar: scottishCalendar(), today: '2024-12-20' };

function direction(overrides: Partial<Direction> = {}): Direction {
  return {
    ijbId: 'midlothian',
    planYear: '2023-24',
    ref: '5.1',
    theme: { name: 'Health Inequalities' },
    text: 'NHS Lothian and Midlothian Council must ensure that data can be disaggregated by HSCP area.',
    issuedTo: ['health-board', 'council'],
    deadlines: [{ kind: 'month', year: 2025, month: 1, asWritten: 'by January 2025' }],
    status: 'not-reported',
    leads: [],
    version: 1,
    ...overrides,
  };
}

function texts(blocks: Block[]): string[] {
  return blocks.flatMap((block) => {
    const b = block as { text?: { text: string }; fields?: { text: string }[] };
    return [...(b.text ? [b.text.text] : []), ...(b.fields ?? []).map((field) => field.text)];
  });
}

describe('direction card', () => {
  it('shows ref, theme, recipients, deadline with working days, status and latest update', () => {
    const reply = renderDirectionCard(scope, viewOf(direction(), scope), 'private');
    const all = texts(reply.blocks).join('\n');
    expect(all).toContain('5.1 · Health Inequalities');
    expect(all).toContain('NHS Lothian and Midlothian Council');
    expect(all).toContain('by January 2025 (Fri 31 Jan 2025) · 26 working days left');
    expect(all).toContain('Not yet reported');
    expect(all).toContain('No updates yet.');
    expect(reply.visibility).toBe('private');
  });

  it('shows the latest update with who and when, and the lead and team channel', () => {
    const reply = renderDirectionCard(
      scope,
      viewOf(
        direction({
          status: 'on-track',
          leads: ['U111'],
          channel: 'C222',
          latestUpdate: {
            at: '2024-09-12T10:00:00Z',
            by: 'U111',
            status: 'on-track',
            text: 'Dashboard live in 3 services',
          },
        }),
        scope,
      ),
      'channel',
    );
    const all = texts(reply.blocks).join('\n');
    expect(all).toContain('12 Sep 2024 · <@U111> · :large_green_circle: On track');
    expect(all).toContain('> Dashboard live in 3 services');
    expect(all).toContain('<@U111>');
    expect(all).toContain('<#C222>');
  });

  it('says so when there is no deadline', () => {
    const all = texts(
      renderDirectionCard(scope, viewOf(direction({ deadlines: [] }), scope), 'private').blocks,
    );
    expect(all.join('\n')).toContain('No deadline set (ongoing)');
  });

  it('escapes Slack control characters in paper text', () => {
    const all = texts(
      renderDirectionCard(scope, viewOf(direction({ text: 'A <b> & <@U1>' }), scope), 'private').blocks,
    );
    expect(all.join('\n')).toContain('A &lt;b&gt; &amp; &lt;@U1&gt;');
  });

  it('splits a very long text over sections of at most 3000 characters, losing nothing', () => {
    const long = Array.from({ length: 1500 }, (_, i) => `word${i}`).join(' ');
    const reply = renderDirectionCard(scope, viewOf(direction({ text: long }), scope), 'private');
    const sectionTexts = reply.blocks
      .filter((block) => block.type === 'section' && 'text' in block && block.text)
      .map((block) => (block as { text: { text: string } }).text.text);
    for (const text of sectionTexts) expect(text.length).toBeLessThanOrEqual(3000);
    expect(sectionTexts.join(' ')).toContain(long);
    expect(reply.blocks.length).toBeLessThanOrEqual(50);
  });

  it('offers to share only a private card', () => {
    const ids = (visibility: 'private' | 'channel') =>
      renderDirectionCard(scope, viewOf(direction(), scope), visibility)
        .blocks.filter((block) => block.type === 'actions')
        .flatMap((block) =>
          (block as { elements: { action_id: string }[] }).elements.map((e) => e.action_id),
        );
    expect(ids('private')).toEqual(['direction.update', 'direction.history', 'direction.share']);
    expect(ids('channel')).toEqual(['direction.update', 'direction.history']);
  });
});

describe('what the papers say of a direction', () => {
  it('says when a direction is no longer in force, what replaced it, and that it is not chased', () => {
    const superseded = direction({
      lifecycle: {
        state: 'superseded',
        outcome: 'Replaced with related Direction D10j',
        decidedIn: { planYear: '2019-20', source: 'paper.txt' },
      },
      supersededBy: [{ planYear: '2019-20', ref: 'D10j' }],
    });
    const all = texts(renderDirectionCard(scope, viewOf(superseded, scope), 'private').blocks).join('\n');
    expect(all).toContain(
      ':no_entry_sign: *Superseded*: “Replaced with related Direction D10j” (2019-20 outcome table).',
    );
    expect(all).toContain('No longer chased');
    expect(all).toContain(':arrow_right: Replaced by D10j (2019-20).');
  });

  it('flags a direction a later import of its paper no longer has', () => {
    const dropped = direction({ notInPaper: { since: '2024-06-01T10:00:00.000Z', source: 'revised.docx' } });
    const all = texts(renderDirectionCard(scope, viewOf(dropped, scope), 'private').blocks).join('\n');
    expect(all).toContain(
      ':warning: Not in the paper imported on 2024-06-01: kept with its history, not deleted.',
    );
  });
});

describe('lists', () => {
  it('stay within 50 blocks and say how many were left out', () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      viewOf(direction({ ref: `${i + 1}.1`, theme: { name: `Theme ${i}` } }), scope),
    );
    const reply = renderDirectionList(scope, many);
    expect(reply.blocks.length).toBe(50);
    expect(JSON.stringify(reply.blocks.at(-1))).toMatch(/and \d+ more blocks not shown/);
  });
});

describe('text helpers', () => {
  it('split at word boundaries', () => {
    const pieces = splitText('alpha beta gamma delta', 11);
    expect(pieces).toEqual(['alpha beta', 'gamma delta']);
  });

  it('clip at a word and mark the cut', () => {
    expect(clip('alpha beta gamma', 12)).toBe('alpha beta…');
    expect(clip('short', 12)).toBe('short');
  });

  it('summarise to the first sentence', () => {
    expect(summary('First sentence here. Second one.')).toBe('First sentence here.');
  });
});
