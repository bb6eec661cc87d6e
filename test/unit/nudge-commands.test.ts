import { describe, expect, it } from 'vitest';
import { NudgeArgsError, parseNudgeArgs } from '../../src/cli/nudge-args';
import { parseSubscribeText } from '../../src/nudges/subscribe-command';

describe('/direction subscribe … as typed', () => {
  it('reads all, theme, to, escalations and refs', () => {
    expect(parseSubscribeText('', 'subscribe')).toEqual({ kind: 'usage' });
    expect(parseSubscribeText('ALL', 'subscribe')).toEqual({ kind: 'all' });
    expect(parseSubscribeText('theme  Support for   Carers', 'subscribe')).toEqual({
      kind: 'theme',
      words: 'Support for Carers',
    });
    expect(parseSubscribeText('to Midlothian Council', 'subscribe')).toEqual({
      kind: 'to',
      words: 'Midlothian Council',
    });
    expect(parseSubscribeText('escalations', 'subscribe')).toEqual({ kind: 'escalations' });
    expect(parseSubscribeText('5.1, 5.2 and D15c', 'subscribe')).toEqual({
      kind: 'refs',
      refs: ['5.1', '5.2', 'D15c'],
    });
  });

  it('says what is missing, with an example to copy', () => {
    expect(parseSubscribeText('theme', 'subscribe')).toMatchObject({
      kind: 'invalid',
      example: '/direction subscribe theme carers',
    });
    expect(parseSubscribeText('to', 'unsubscribe')).toMatchObject({
      kind: 'invalid',
      example: '/direction unsubscribe to NHS Lothian',
    });
    expect(parseSubscribeText('carers please', 'subscribe')).toMatchObject({ kind: 'invalid' });
    expect(parseSubscribeText('x'.repeat(400), 'subscribe')).toMatchObject({ kind: 'invalid' });
  });
});

describe('npm run nudge arguments', () => {
  it('takes a date, --dry-run and --json', () => {
    expect(parseNudgeArgs(['--date', '2023-12-22', '--dry-run', '--json'])).toEqual({
      date: '2023-12-22',
      dryRun: true,
      json: true,
    });
    expect(parseNudgeArgs([])).toEqual({ dryRun: false, json: false });
  });

  it('refuses a date that is not one, and an unknown option, saying how to call it', () => {
    expect(() => parseNudgeArgs(['--date', '2023-02-30'])).toThrow(NudgeArgsError);
    expect(() => parseNudgeArgs(['--date', '22/12/2023'])).toThrow(/Use a date like 2025-01-31/);
    expect(() => parseNudgeArgs(['--dryrun'])).toThrow(/Usage: npm run nudge/);
  });
});
