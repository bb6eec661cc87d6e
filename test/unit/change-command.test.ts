import { describe, expect, it } from 'vitest';
import { parseChangeCommand } from '../../src/changes/change-command';
import {
  checkAuthority,
  checkNewDirection,
  checkVariation,
  readDeadline,
} from '../../src/changes/change-input';
import type { Direction, IssuedDirection } from '../../src/domain/direction';
import { fieldsKept, notesHolding } from '../../src/import/reconcile';

describe('the change commands', () => {
  it('reads the refs of vary, revoke and supersede', () => {
    expect(parseChangeCommand('vary', '5.1')).toEqual({ kind: 'vary', ref: '5.1' });
    expect(parseChangeCommand('revoke', 'D15c')).toEqual({ kind: 'revoke', ref: 'D15c' });
    expect(parseChangeCommand('supersede', '5.1 by 5.4')).toEqual({
      kind: 'supersede',
      ref: '5.1',
      by: '5.4',
    });
    expect(parseChangeCommand('add', '')).toEqual({ kind: 'add' });
  });

  it('says what is missing, with an example', () => {
    expect(parseChangeCommand('vary', '')).toMatchObject({ kind: 'invalid', example: '/direction vary 5.1' });
    expect(parseChangeCommand('supersede', '5.1')).toMatchObject({
      kind: 'invalid',
      example: '/direction supersede 5.1 by 5.4',
    });
  });
});

describe('the change forms’ fields', () => {
  it('needs a meeting no later than today and a paper or minute', () => {
    expect(checkAuthority({ decidedOn: '2024-03-16', reference: 'paper 5.3' }, '2024-03-20')).toEqual({
      ok: true,
      value: { decidedOn: '2024-03-16', reference: 'paper 5.3' },
    });
    const late = checkAuthority({ decidedOn: '2024-03-21', reference: 'paper 5.3' }, '2024-03-20');
    expect(late.ok ? {} : late.errors).toHaveProperty('decidedOn');
    const none = checkAuthority({ link: 'javascript:alert(1)' }, '2024-03-20');
    expect(none.ok ? [] : Object.keys(none.errors).sort()).toEqual(['decidedOn', 'link', 'reference']);
  });

  it('reads a deadline as written, and none for "ongoing"', () => {
    expect(readDeadline('by January 2025')).toMatchObject({
      ok: true,
      value: [{ kind: 'month', year: 2025, month: 1 }],
    });
    expect(readDeadline('March 2025')).toMatchObject({ ok: true, value: [{ kind: 'month', month: 3 }] });
    expect(readDeadline('ongoing')).toEqual({ ok: true, value: [] });
    expect(readDeadline('soonish')).toMatchObject({
      ok: false,
      errors: { deadline: expect.stringContaining('soonish') },
    });
  });

  it('asks a variation for new text or a new deadline', () => {
    expect(checkVariation({})).toMatchObject({ ok: false, errors: { text: expect.any(String) } });
    expect(checkVariation({ deadline: 'none' })).toEqual({ ok: true, value: { deadlines: [] } });
  });

  it('asks a new direction for its ref, theme, text and recipients', () => {
    const checked = checkNewDirection({ ref: 'not a ref', recipients: [] });
    expect(checked.ok ? [] : Object.keys(checked.errors).sort()).toEqual([
      'recipients',
      'ref',
      'text',
      'theme',
    ]);
  });
});

describe('which of the board’s changes hold against a paper', () => {
  const note = {
    id: 'x',
    kind: 'varied' as const,
    authority: { decidedOn: '2024-03-16', reference: 'paper 5.3' },
    by: 'U0ADMIN',
    at: '2024-03-20T10:00:00.000Z',
    fields: ['text' as const],
    via: 'slack' as const,
  };
  const before = { registerChanges: [note] } as unknown as Direction;
  const paper = (issued?: string) =>
    ({ form: issued ? { issued: { asWritten: issued, date: issued } } : {} }) as unknown as IssuedDirection;

  it('holds against a paper that does not say when it was issued, or was issued before', () => {
    expect(notesHolding(before, paper())).toEqual([note]);
    expect(notesHolding(before, paper('2023-04-01'))).toEqual([note]);
    expect(fieldsKept([note])).toEqual(['text']);
  });

  it('gives way to a paper issued on or after the meeting that made it', () => {
    expect(notesHolding(before, paper('2024-03-16'))).toEqual([]);
    expect(notesHolding(before, paper('2024-06-01'))).toEqual([]);
  });
});
