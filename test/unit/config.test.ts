import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEVELOPMENT_SIGNING_SECRET,
  LOCAL_USER_ID,
  loadConfig,
  productClock,
  todayLine,
} from '../../src/config';
import { londonDay } from '../../src/domain/local-date';

describe('configuration', () => {
  it('runs offline with documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      DATA_DIR: '.data',
      DIRECTIONS_IJB: 'midlothian',
      signingSecret: DEVELOPMENT_SIGNING_SECRET,
      usingDevelopmentSecret: true,
    });
  });

  it('makes the terminal chat’s user the admin only offline, and only when no admins are set', () => {
    expect(loadConfig({}).DIRECTIONS_ADMINS).toEqual([LOCAL_USER_ID]);
    expect(loadConfig({ DIRECTIONS_ADMINS: 'U012AB3CD' }).DIRECTIONS_ADMINS).toEqual(['U012AB3CD']);
    expect(loadConfig({ SLACK_SIGNING_SECRET: 'real' }).DIRECTIONS_ADMINS).toEqual([]);
  });

  it('stops on a bad value, naming the variable and what it must be', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT: must be a port number/);
    expect(() => loadConfig({ AWS_ENDPOINT_URL_DYNAMODB: 'localhost' })).toThrow(/AWS_ENDPOINT_URL_DYNAMODB/);
    expect(() => loadConfig({ DIRECTIONS_ADMINS: 'bob' })).toThrow(
      /DIRECTIONS_ADMINS: must be Slack user ids/,
    );
    expect(() => loadConfig({ DIRECTIONS_ADMINS: 'East Lothian:U012AB3CD' })).toThrow(
      /DIRECTIONS_ADMINS: must be Slack user ids like U012ABCDEF \(or east-lothian:U012ABCDEF/,
    );
  });

  it('reads admins of another IJB as ijb:user', () => {
    expect(loadConfig({ DIRECTIONS_ADMINS: 'U012AB3CD, east-lothian:U0EAST123' }).DIRECTIONS_ADMINS).toEqual([
      'U012AB3CD',
      'east-lothian:U0EAST123',
    ]);
  });

  it('never repeats a secret or token in its message', () => {
    const attempt = () => loadConfig({ SLACK_BOT_TOKEN: 'not-a-bot-token-sekrit' });
    expect(attempt).toThrow(/SLACK_BOT_TOKEN: must be a bot token starting xoxb-/);
    expect(attempt).not.toThrow(/sekrit/);
  });

  it('listens on this machine only, unless HOST says otherwise, and never beyond it with the development secret', () => {
    expect(loadConfig({}).HOST).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '::1' }).HOST).toBe('::1');
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/HOST: "0.0.0.0" is reachable from other machines/);
    expect(() => loadConfig({ HOST: '192.168.1.20' })).toThrow(ConfigError);
    expect(loadConfig({ HOST: '0.0.0.0', SLACK_SIGNING_SECRET: 'real' }).HOST).toBe('0.0.0.0');
  });

  it('runs as on DIRECTIONS_TODAY, at the real Europe/London time of day, and says so', () => {
    const config = loadConfig({ DIRECTIONS_TODAY: '2023-11-20' });
    const clock = productClock(config);
    expect(londonDay(clock())).toBe('2023-11-20');
    const real = new Date();
    const london = (instant: Date) =>
      instant.toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });
    expect([london(real), london(new Date(real.getTime() + 60_000))]).toContain(london(clock()));
    expect(todayLine(config, clock)).toContain(
      '2023-11-20, from DIRECTIONS_TODAY (unset it to use the real date)',
    );
    expect(todayLine(loadConfig({}), productClock(loadConfig({})))).toContain(
      'DIRECTIONS_TODAY=2023-11-20 npm start',
    );
  });

  it('refuses a DIRECTIONS_TODAY that is not a real day', () => {
    expect(() => loadConfig({ DIRECTIONS_TODAY: '2023-02-30' })).toThrow(/DIRECTIONS_TODAY/);
    expect(() => loadConfig({ DIRECTIONS_TODAY: 'monday' })).toThrow(/DIRECTIONS_TODAY/);
  });
});
