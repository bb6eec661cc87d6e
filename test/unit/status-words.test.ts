import { describe, expect, it } from 'vitest';
import { parseUpdateRequest } from '../../src/updates/one-line';
import { readStatus, statusOnly } from '../../src/updates/status-words';

describe('status words', () => {
  it('reads the register’s words, RAG colours and plain English', () => {
    const cases: [string, string][] = [
      ['on track: fine', 'on-track'],
      ['On-Track', 'on-track'],
      ['green', 'on-track'],
      ['amber - slipping', 'at-risk'],
      ['at_risk', 'at-risk'],
      ['red', 'off-track'],
      ['behind schedule, staff shortages', 'off-track'],
      ['delayed', 'off-track'],
      ['not yet started', 'not-started'],
      ['done: dashboard live', 'achieved'],
      ['complete', 'achieved'],
      ['propose retire: replaced by D10j', 'retired'],
      ['no longer relevant', 'retired'],
    ];
    for (const [text, status] of cases) expect(readStatus(text)?.status, text).toBe(status);
  });

  it('takes the longest phrase and keeps the rest as what happened', () => {
    expect(readStatus('behind schedule: recruitment paused')).toEqual({
      status: 'off-track',
      words: 'behind schedule',
      rest: 'recruitment paused',
    });
  });

  it('forgives one typo in a longer word, and nothing in a short one', () => {
    expect(readStatus('on trak: fine')?.status).toBe('on-track');
    expect(readStatus('acheived')?.status).toBe('achieved');
    expect(readStatus('rex')).toBeUndefined();
  });

  it('does not read a status out of the middle of a word or sentence', () => {
    expect(readStatus('greenhouse gas plan agreed')).toBeUndefined();
    expect(readStatus('met with NHS Lothian')).toBeUndefined();
    expect(readStatus('the work is on track')).toBeUndefined();
  });

  it('knows a bare status from a sentence', () => {
    expect(statusOnly('Amber')).toBe('at-risk');
    expect(statusOnly('amber: waiting')).toBeUndefined();
  });
});

describe('/direction update text', () => {
  it('asks for the form with a ref alone, and reads one line otherwise', () => {
    expect(parseUpdateRequest('5.1')).toEqual({ kind: 'form', ref: '5.1' });
    expect(parseUpdateRequest('D15c at risk: budget <https://example.org/b|paper> cut')).toEqual({
      kind: 'line',
      ref: 'D15c',
      statusWords: 'at risk',
      raw: {
        status: 'at-risk',
        text: 'budget <https://example.org/b|paper> cut',
        evidence: 'https://example.org/b',
      },
    });
  });

  it('says what is missing, with an example', () => {
    expect(parseUpdateRequest('')).toMatchObject({
      kind: 'invalid',
      problem: 'Which direction is this about? Give its ref first.',
    });
    expect(parseUpdateRequest('carers on track')).toMatchObject({
      kind: 'invalid',
      problem: expect.stringContaining('“carers” is not a direction ref'),
    });
    expect(parseUpdateRequest('5.1 going ok-ish')).toMatchObject({
      kind: 'invalid',
      example: '/direction update 5.1 on track: going ok-ish',
    });
  });
});
