import { describe, expect, it } from 'vitest';
import { scottishCalendar } from '../../src/domain/calendar';
import { standingOf } from '../../src/domain/deadline';
import type { Direction } from '../../src/domain/direction';
import type { Ijb } from '../../src/domain/ijb';
import type { DigestLine } from '../../src/nudges/plan';
import { renderDigest } from '../../src/nudges/slack/renderers/digest';
import { markSnoozed } from '../../src/nudges/slack/renderers/snoozed';
import { IJB_PROFILES } from '../../src/register/ijb-profiles';
import type { Block } from '../../src/slack/renderers/blocks';

const calendar = scottishCalendar();
const ijb: Ijb = { ...(IJB_PROFILES.midlothian as Ijb), latestPlanYear: '2023-24' };

function line(
  ref: string,
  kind: 'before' | 'due' | 'overdue' | 'festive',
  today: string,
  extra: Partial<Direction> = {},
): DigestLine {
  const dueDate = '2024-01-31';
  return {
    ijb,
    planYear: '2023-24',
    direction: {
      ijbId: 'midlothian',
      planYear: '2023-24',
      ref,
      theme: { name: 'Support for Carers' },
      text: `Direction ${ref} asks for carers' support <to be> reviewed & reported, by January 2024.`,
      issuedTo: ['council'],
      deadlines: [{ kind: 'month', year: 2024, month: 1, asWritten: 'by January 2024' }],
      status: 'not-reported',
      leads: [],
      version: 1,
      ...extra,
    },
    deadlines: [
      {
        deadlineIndex: 0,
        deadline: { kind: 'month', year: 2024, month: 1, asWritten: 'by January 2024' },
        dueDate,
        standing: standingOf(dueDate, today, calendar),
        milestone: { id: kind === 'before' ? 'before-5' : kind, kind, day: today },
      },
    ],
  };
}

const text = (blocks: Block[]) => JSON.stringify(blocks);

describe('the nudge digest', () => {
  it('shows each direction with deadline, working days left, status, update age and leads', () => {
    const [message] = renderDigest('2024-01-24', [
      { ...line('6.1', 'before', '2024-01-24', { leads: ['U0LEAD', 'U0TWO'] }), updateAgeDays: 20 },
    ]);
    const json = text(message?.blocks ?? []);
    expect(json).toContain('Directions needing attention · Wed 24 Jan 2024');
    expect(json).toContain('by January 2024 (Wed 31 Jan 2024) · 5 working days left');
    expect(json).toContain('Not yet reported · last updated 20 days ago');
    expect(json).toContain('Lead: <@U0LEAD>, <@U0TWO>');
    expect(json).toContain('&lt;to be&gt; reviewed &amp; reported');
    expect(message?.text).toBe('1 direction need attention: 6.1 (due Wed 31 Jan 2024)');
  });

  it('puts the most urgent first, each group under its heading', () => {
    const [message] = renderDigest('2024-01-31', [
      line('6.2', 'before', '2024-01-31'),
      line('6.1', 'due', '2024-01-31'),
      line('1.1', 'overdue', '2024-01-31'),
    ]);
    const order = (message?.lines ?? []).map((l) => l.direction.ref);
    expect(order).toEqual(['1.1', '6.1', '6.2']);
    const json = text(message?.blocks ?? []);
    expect(json.indexOf('Overdue')).toBeLessThan(json.indexOf('Due now'));
    expect(json.indexOf('Due now')).toBeLessThan(json.indexOf('Coming up'));
  });

  it('splits a long digest into messages of at most 50 blocks, every direction in exactly one', () => {
    const lines = Array.from({ length: 60 }, (_, i) =>
      line(`${1 + Math.floor(i / 10)}.${i % 10}`, i % 2 ? 'due' : 'before', '2024-01-31'),
    );
    const messages = renderDigest('2024-01-31', lines);
    expect(messages.length).toBe(3);
    for (const message of messages) expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(messages.flatMap((m) => m.lines.map((l) => l.direction.ref)).sort()).toEqual(
      lines.map((l) => l.direction.ref).sort(),
    );
    expect(text(messages[1]?.blocks ?? [])).toContain('(2 of 3)');
  });

  it('gives each direction its own actions block: [Update] as direction.update, [Snooze a week]', () => {
    const [message] = renderDigest('2024-01-31', [
      line('6.1', 'due', '2024-01-31'),
      line('6.2', 'due', '2024-01-31'),
    ]);
    const actions = (message?.blocks ?? []).filter((b) => b.type === 'actions') as Extract<
      Block,
      { type: 'actions' }
    >[];
    expect(actions.map((a) => a.block_id)).toEqual([
      'nudge:midlothian:2023-24:6.1',
      'nudge:midlothian:2023-24:6.2',
    ]);
    for (const a of actions) {
      expect(a.elements.map((e) => ('action_id' in e ? e.action_id : ''))).toEqual([
        'direction.update',
        'nudge.snooze',
      ]);
    }
    const update = actions[0]?.elements[0] as { value: string };
    expect(JSON.parse(update.value)).toEqual({ ijbId: 'midlothian', planYear: '2023-24', ref: '6.1' });
  });

  it('says when today is the last working day before a weekend deadline', () => {
    const weekend = line('6.1', 'due', '2026-01-30');
    const deadline = weekend.deadlines[0];
    if (deadline)
      Object.assign(deadline, {
        dueDate: '2026-01-31',
        standing: standingOf('2026-01-31', '2026-01-30', calendar),
      });
    expect(text(renderDigest('2026-01-30', [weekend])[0]?.blocks ?? [])).toContain(
      'today is the last working day before it',
    );
  });

  it('marks a snoozed direction in place, keeping its [Update] button', () => {
    const [message] = renderDigest('2024-01-31', [
      line('6.1', 'before', '2024-01-31'),
      line('6.2', 'before', '2024-01-31'),
    ]);
    const marked = markSnoozed(message?.blocks ?? [], 'nudge:midlothian:2023-24:6.2', {
      by: 'U0ME',
      until: '2024-02-07',
    });
    expect(marked.length).toBe((message?.blocks.length ?? 0) + 1);
    expect(text(marked)).toContain('Snoozed here by <@U0ME> until Wed 7 Feb 2024');
    const snoozeButtons = text(marked).match(/nudge\.snooze/g) ?? [];
    expect(snoozeButtons).toHaveLength(1);
  });
});
