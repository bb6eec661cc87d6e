import { describe, expect, it } from 'vitest';
import { createTeamsAdapter } from '../../src/teams/adapter';

describe('Teams authentication configuration', () => {
  it('refuses the unauthenticated emulator mode when an app id or secret is configured', () => {
    expect(() => createTeamsAdapter({ emulator: true, appId: 'app' })).toThrow(/refused/);
    expect(() => createTeamsAdapter({ emulator: true, appPassword: 'secret' })).toThrow(/refused/);
  });

  it('refuses to start without an app id unless in emulator mode', () => {
    expect(() => createTeamsAdapter({})).toThrow(/TEAMS_APP_ID is required/);
    expect(() => createTeamsAdapter({ emulator: true })).not.toThrow();
  });
});
