import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBoardReport } from '../../../src/report/report-service';
import { createImportStore } from '../../../src/store/import-store';
import { PEOPLE, startUpdatesWorld, type UpdatesWorld } from '../../support/updates-world';

let world: UpdatesWorld;
beforeAll(async () => {
  world = await startUpdatesWorld(new Date('2023-11-20T10:00:00Z'));
  world.slack.answer('/api/files.getUploadURLExternal', {
    ok: true,
    upload_url: `${world.slack.url}/upload/F0PAPER`,
    file_id: 'F0PAPER',
  });
  world.slack.answer('/api/files.completeUploadExternal', { ok: true, files: [{ id: 'F0PAPER' }] });
  world.slack.answer('/api/users.info', {
    ok: true,
    user: { id: PEOPLE.lead, profile: { display_name: 'Jo Lead' } },
  });
});
afterAll(() => world.close());

describe('the board paper names leads', () => {
  it('looks leads up with users.info when it is made in Slack', async () => {
    await world.harness.command('report csv', { channelId: 'C0BOARDPAP' });
    await world.harness.server.drain();
    expect(world.slack.calls('users.info').map((call) => call.user)).toEqual([PEOPLE.lead]);
    expect(world.slack.calls('files.completeUploadExternal')).toHaveLength(1);
  });

  it('shows the display name where one is found and the id where none is, storing neither', async () => {
    const { db, tableName, store } = world.harness;
    const sources = { getIjb: store.getIjb, readYear: createImportStore(db, tableName).readYear };
    const request = { ijb: 'midlothian', year: '2023-24', format: 'csv' } as const;
    const named = new TextDecoder().decode(
      (
        await buildBoardReport(
          { sources, clock: world.now, leadNames: async () => new Map([[PEOPLE.lead, 'Jo Lead']]) },
          request,
        )
      ).bytes,
    );
    const row = named.split('\r\n').find((line) => line.startsWith('5.1,'));
    expect(row).toContain('Jo Lead');
    expect(row).not.toContain(PEOPLE.lead);
    const unnamed = new TextDecoder().decode(
      (await buildBoardReport({ sources, clock: world.now, leadNames: async () => new Map() }, request))
        .bytes,
    );
    expect(unnamed.split('\r\n').find((line) => line.startsWith('5.1,'))).toContain(PEOPLE.lead);
    expect((await world.direction('5.1')).leads).toEqual([PEOPLE.lead]);
  });
});
