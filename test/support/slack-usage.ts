import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the code asks of Slack, read from its source. */
export interface SlackUsage {
  /** Web API methods called, e.g. chat.postMessage, with the files that call them. */
  methods: Map<string, string[]>;
  /** Events listened to with app.event('…') and app.message(…) (as 'message'). */
  events: Map<string, string[]>;
  commands: boolean;
  /** Actions, views, shortcuts or options: Slack must send interactivity payloads. */
  interactive: boolean;
}

const API_FAMILIES =
  'admin|apps|auth|bookmarks|bots|calls|chat|conversations|dnd|emoji|files|pins|reactions|reminders|search|stars|team|usergroups|users|views|workflows|assistant|canvases';
const METHOD_CALL = new RegExp(`\\.(${API_FAMILIES})\\.([a-zA-Z]+(?:\\.[a-zA-Z]+)?)\\(`, 'g');
const API_CALL = /\.apiCall\(\s*['"`]([a-zA-Z.]+)['"`]/g;
const EVENT = /\.event(?:<[^>]*>)?\(\s*['"`]([a-z_]+)['"`]/g;
const MESSAGE = /\bapp\.message(?:<[^>]*>)?\(/;
const COMMAND = /\bapp\.command(?:<[^>]*>)?\(/;
const INTERACTIVE = /\bapp\.(action|view|shortcut|options)(?:<[^>]*>)?\(/;

/** Scans every .ts file under `dir` (src/). Comments are read too: say a call in prose without `(`. */
export function scanSlackUsage(dir: string): SlackUsage {
  const usage: SlackUsage = { methods: new Map(), events: new Map(), commands: false, interactive: false };
  const note = (map: Map<string, string[]>, key: string, file: string) =>
    map.set(key, [...new Set([...(map.get(key) ?? []), file])]);
  for (const file of tsFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    for (const [, family, method] of text.matchAll(METHOD_CALL))
      note(usage.methods, `${family}.${method}`, file);
    for (const [, method] of text.matchAll(API_CALL)) note(usage.methods, method as string, file);
    // The Web API client's filesUploadV2 is these two methods (and a POST to the URL the first gives).
    if (/\.filesUploadV2\(/.test(text))
      for (const method of ['files.getUploadURLExternal', 'files.completeUploadExternal'])
        note(usage.methods, method, file);
    for (const [, event] of text.matchAll(EVENT)) note(usage.events, event as string, file);
    if (MESSAGE.test(text)) note(usage.events, 'message', file);
    usage.commands ||= COMMAND.test(text);
    usage.interactive ||= INTERACTIVE.test(text);
  }
  return usage;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}
