import { describe, expect, it } from 'vitest';
import { parseDay, parseReviewCommand } from '../../../src/review/review-command';

describe('reading /direction review …', () => {
  it('opens a named round with its closing day and, optionally, its directions', () => {
    expect(parseReviewCommand('open "2023-24 mid-year" closes 15 Dec 2023 for 1.1 2.1, 5.1')).toEqual({
      kind: 'open',
      name: '2023-24 mid-year',
      closes: '2023-12-15',
      refs: ['1.1', '2.1', '5.1'],
    });
    expect(parseReviewCommand('open year end closes 2024-03-29')).toMatchObject({
      name: 'year end',
      refs: [],
    });
    expect(parseReviewCommand('open "x" closes 15 Dec 2023 for 1.1 carers')).toMatchObject({
      kind: 'invalid',
    });
  });

  it('reads days as people write them and refuses days that do not exist', () => {
    expect(parseDay('15 December 2023')).toBe('2023-12-15');
    expect(parseDay('2 Jan 2024')).toBe('2024-01-02');
    expect(parseDay('29 Feb 2023')).toBeUndefined();
    expect(parseDay('15 Decembre 2023')).toBeUndefined();
  });

  it('asks why a round reopens, and keeps why it was extended', () => {
    expect(parseReviewCommand('reopen "2023-24 mid-year"')).toMatchObject({ kind: 'invalid' });
    expect(parseReviewCommand('reopen "2023-24 mid-year" because NHS came late')).toEqual({
      kind: 'reopen',
      name: '2023-24 mid-year',
      why: 'NHS came late',
    });
    expect(parseReviewCommand('extend to 22 Dec 2023 because of the strike')).toEqual({
      kind: 'extend',
      closes: '2023-12-22',
      why: 'of the strike',
    });
    expect(parseReviewCommand('')).toEqual({ kind: 'status' });
  });
});
