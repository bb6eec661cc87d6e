import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (name: string) => readFileSync(new URL(`../../teams/${name}`, import.meta.url));
const manifest = JSON.parse(read('manifest.json').toString('utf8'));

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

// No npm package ships the Teams manifest JSON schema offline: these are the fields the v1.17
// schema requires, and the limits it sets on them, checked one by one.
describe('teams/manifest.json (the Teams app package)', () => {
  it('is schema v1.17 or later with every required field', () => {
    expect(Number(manifest.manifestVersion)).toBeGreaterThanOrEqual(1.17);
    expect(manifest.$schema).toContain(`/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    for (const field of ['version', 'id', 'developer', 'name', 'description', 'icons', 'accentColor']) {
      expect(manifest, field).toHaveProperty(field);
    }
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.name.full.length).toBeLessThanOrEqual(100);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
    expect(manifest.accentColor).toMatch(/^#[0-9A-Fa-f]{6}$/);
    for (const url of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl'])
      expect(manifest.developer[url]).toMatch(/^https:\/\//);
  });

  it('is a bot in personal chat, teams and group chats, with command hints for 5.1, overdue, due, update and help', () => {
    const [bot] = manifest.bots;
    expect(bot.botId).toBe(manifest.id);
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    const titles = bot.commandLists.flatMap((list: { commands: { title: string }[] }) =>
      list.commands.map((c) => c.title),
    );
    expect(titles).toEqual(['5.1', 'overdue', 'due', 'update', 'help']);
    for (const list of bot.commandLists) {
      expect(list.commands.length).toBeLessThanOrEqual(10);
      for (const command of list.commands) {
        expect(command.title.length).toBeLessThanOrEqual(32);
        expect(command.description.length).toBeLessThanOrEqual(128);
      }
    }
  });

  it('ships a 192×192 colour icon and a 32×32 outline icon', () => {
    expect(pngSize(read(manifest.icons.color))).toEqual({ width: 192, height: 192 });
    expect(pngSize(read(manifest.icons.outline))).toEqual({ width: 32, height: 32 });
  });
});
