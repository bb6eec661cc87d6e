import { describe, expect, it } from 'vitest';
import { parseDirectionCommand, parseDueWindow } from '../../src/lookup/command';

describe('parsing /direction', () => {
  it('shows help for nothing, "help" and "?"', () => {
    for (const text of ['', '   ', 'help', 'HELP', '?'])
      expect(parseDirectionCommand(text)).toEqual({ kind: 'help' });
  });

  it('reads a ref, in any case, with or without share', () => {
    expect(parseDirectionCommand('5.1')).toEqual({ kind: 'show', ref: '5.1', share: false });
    expect(parseDirectionCommand(' D15c ')).toEqual({ kind: 'show', ref: 'D15c', share: false });
    expect(parseDirectionCommand('5.1 share')).toEqual({ kind: 'show', ref: '5.1', share: true });
    expect(parseDirectionCommand('5.1 SHARE')).toEqual({ kind: 'show', ref: '5.1', share: true });
  });

  it('takes a plan year before the ref, written either way', () => {
    expect(parseDirectionCommand('2023-24 5.1')).toEqual({
      kind: 'show',
      ref: '5.1',
      share: false,
      planYear: '2023-24',
    });
    expect(parseDirectionCommand('2023/24 5.1 share')).toEqual({
      kind: 'show',
      ref: '5.1',
      share: true,
      planYear: '2023-24',
    });
    expect(parseDirectionCommand('2023-24')).toEqual({ kind: 'list', planYear: '2023-24' });
  });

  it('says what was wrong with words after a ref', () => {
    const command = parseDirectionCommand('5.1 please');
    expect(command.kind).toBe('invalid');
    if (command.kind === 'invalid') expect(command.example).toContain('/direction 5.1 share');
  });

  it('searches for "search <words>" and for any text that is not a command or a ref', () => {
    expect(parseDirectionCommand('search unpaid carers')).toEqual({ kind: 'search', words: 'unpaid carers' });
    expect(parseDirectionCommand('unpaid carers')).toEqual({ kind: 'search', words: 'unpaid carers' });
    expect(parseDirectionCommand('frailty')).toEqual({ kind: 'search', words: 'frailty' });
    expect(parseDirectionCommand('search').kind).toBe('invalid');
  });

  it('reads due windows in days, weeks and months', () => {
    expect(parseDirectionCommand('due')).toEqual({ kind: 'due', window: { kind: 'days', days: 30 } });
    expect(parseDirectionCommand('due 60 days')).toEqual({ kind: 'due', window: { kind: 'days', days: 60 } });
    expect(parseDueWindow('60')).toEqual({ kind: 'days', days: 60 });
    expect(parseDueWindow('2 weeks')).toEqual({ kind: 'days', days: 14 });
    expect(parseDueWindow('January')).toEqual({ kind: 'month', month: 1 });
    expect(parseDueWindow('jan 2025')).toEqual({ kind: 'month', month: 1, year: 2025 });
    expect(parseDueWindow('sept')).toEqual({ kind: 'month', month: 9 });
  });

  it('refuses due windows it cannot read, saying why', () => {
    expect(parseDueWindow('0 days')).toMatch(/between 1 and/);
    expect(parseDueWindow('soonish')).toMatch(/did not understand "soonish"/);
    expect(parseDirectionCommand('due whenever').kind).toBe('invalid');
  });

  it('knows overdue and list', () => {
    expect(parseDirectionCommand('overdue')).toEqual({ kind: 'overdue' });
    expect(parseDirectionCommand('list')).toEqual({ kind: 'list' });
  });

  it('answers "not yet" for capabilities still to come rather than searching for them', () => {
    expect(parseDirectionCommand('update 5.1 on track')).toEqual({ kind: 'not-yet', feature: 'update' });
    expect(parseDirectionCommand('history 5.1')).toEqual({ kind: 'not-yet', feature: 'history' });
  });

  it('refuses overlong text', () => {
    expect(parseDirectionCommand('x'.repeat(501)).kind).toBe('invalid');
  });
});
