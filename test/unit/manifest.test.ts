import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { LOOKUP_SHORTCUT } from '../../src/slack/renderers/lookup-modal';
import { REPORT_FROM_MESSAGE } from '../../src/updates/slack/message-shortcut';
import { EVENT_SCOPES, METHOD_SCOPES } from '../support/slack-scopes';
import { scanSlackUsage } from '../support/slack-usage';

const root = join(import.meta.dirname, '..', '..');
const manifest = parse(readFileSync(join(root, 'slack', 'manifest.yaml'), 'utf8'));
const usage = scanSlackUsage(join(root, 'src'));

const botScopes = (): string[] => manifest.oauth_config?.scopes?.bot ?? [];
const botEvents = (): string[] => manifest.settings?.event_subscriptions?.bot_events ?? [];
const messageEvents = () => botEvents().filter((event) => event.startsWith('message.'));

describe('slack/manifest.yaml against the code', () => {
  it('knows the scopes of every Web API method the code calls', () => {
    const unknown = [...usage.methods.keys()].filter((method) => !(method in METHOD_SCOPES));
    expect(unknown, 'add these methods and their bot scopes to test/support/slack-scopes.ts').toEqual([]);
  });

  it('asks for exactly the bot scopes the code needs: none missing, none spare', () => {
    // Prepare
    const needed = new Set<string>();
    if (usage.commands) needed.add('commands');
    for (const method of usage.methods.keys())
      for (const scope of METHOD_SCOPES[method] ?? []) needed.add(scope);
    for (const event of usage.events.keys()) for (const scope of EVENT_SCOPES[event] ?? []) needed.add(scope);
    for (const event of messageEvents()) for (const scope of EVENT_SCOPES[event] ?? []) needed.add(scope);

    // Assess
    expect([...botScopes()].sort()).toEqual([...needed].sort());
  });

  it('subscribes to exactly the events the code listens to', () => {
    const listened = [...usage.events.keys()].filter((event) => event !== 'message').sort();
    const subscribed = botEvents()
      .filter((event) => !event.startsWith('message.'))
      .sort();
    expect(subscribed).toEqual(listened);
    // app.message(…) hears the message.* events subscribed; one at least, and only with a listener.
    if (usage.events.has('message')) expect(messageEvents().length).toBeGreaterThan(0);
    else expect(messageEvents()).toEqual([]);
    for (const event of botEvents()) expect(EVENT_SCOPES, `scope of event ${event}`).toHaveProperty([event]);
  });

  it('sends /direction, interactivity and events to the one Slack endpoint', () => {
    const urls = [
      ...(manifest.features?.slash_commands ?? []).map((command: { url: string }) => command.url),
      manifest.settings?.interactivity?.request_url,
      ...(botEvents().length > 0 ? [manifest.settings?.event_subscriptions?.request_url] : []),
    ];
    expect(new Set(urls)).toEqual(new Set(['https://YOUR-HOST/slack/events']));
    expect(usage.commands).toBe(true);
    expect(manifest.features.slash_commands.map((command: { command: string }) => command.command)).toEqual([
      '/direction',
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(usage.interactive);
  });

  it('has an App Home and a bot user', () => {
    expect(manifest.features.app_home).toBeDefined();
    expect(manifest.features.app_home.home_tab_enabled).toBe(usage.events.has('app_home_opened'));
    expect(manifest.features.bot_user.display_name).toBeTruthy();
  });

  it('declares exactly the shortcuts the code listens for, within the manifest schema', () => {
    // Prepare: the shortcut item as Slack's published manifest schema defines it (a copy of
    // slackapi/manifest-schema, MIT, kept beside the manifest so a clone anywhere can check it)
    const schema = JSON.parse(readFileSync(join(root, 'slack', 'manifest.schema.json'), 'utf8'));
    const item =
      schema.definitions?.['app-manifests.v1.features.shortcuts']?.items ?? findShortcutItem(schema);
    const shortcuts: Record<string, string>[] = manifest.features.shortcuts ?? [];

    // Assess
    expect(shortcuts.map((shortcut) => shortcut.callback_id).sort()).toEqual(
      [LOOKUP_SHORTCUT, REPORT_FROM_MESSAGE].sort(),
    );
    for (const shortcut of shortcuts) {
      expect(Object.keys(shortcut).sort()).toEqual([...item.required].sort());
      for (const [field, rule] of Object.entries(item.properties) as [string, Record<string, unknown>][]) {
        const value = shortcut[field] ?? '';
        if (typeof rule.maxLength === 'number')
          expect(value.length, field).toBeLessThanOrEqual(rule.maxLength);
        if (Array.isArray(rule.enum)) expect(rule.enum).toContain(value);
      }
    }
    expect(shortcuts.find((shortcut) => shortcut.callback_id === LOOKUP_SHORTCUT)?.type).toBe('global');
    expect(shortcuts.find((shortcut) => shortcut.callback_id === REPORT_FROM_MESSAGE)?.type).toBe('message');
  });
});

describe('the source scan the manifest test relies on', () => {
  it('finds Web API calls, events and messages however they are written', async () => {
    // Prepare: a capability as another engineer might write it.
    const { mkdtempSync, writeFileSync, mkdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'slack-usage-'));
    mkdirSync(join(dir, 'nudges'));
    writeFileSync(
      join(dir, 'nudges', 'post.ts'),
      `await client.chat.postMessage({ channel });
       await tools.client.views.open({ trigger_id });
       const members = await deps.slack.conversations.members({ channel });
       app.event<'file_shared'>('file_shared', async () => {});
       app.message(async () => {});
       app.action('x', async () => {});`,
    );

    // Act
    const found = scanSlackUsage(dir);

    // Assess
    expect([...found.methods.keys()].sort()).toEqual([
      'chat.postMessage',
      'conversations.members',
      'views.open',
    ]);
    expect([...found.events.keys()].sort()).toEqual(['file_shared', 'message']);
    expect(found.interactive).toBe(true);
  });
});

// biome-ignore lint/suspicious/noExplicitAny: walks the JSON schema
function findShortcutItem(node: any): any {
  if (!node || typeof node !== 'object') return undefined;
  if (node.properties?.callback_id && node.properties?.type?.enum?.includes('global')) return node;
  for (const value of Object.values(node)) {
    const found = findShortcutItem(value);
    if (found) return found;
  }
  return undefined;
}
