import type { Intent } from '../understanding/intent';
import { parseIntent } from '../understanding/parse';

/** The command words the Slack bot's capabilities register (each slack/ adapter's `names`), so both parse alike. */
const COMMANDS = [
  'update',
  'undo',
  'edit',
  'history',
  'mine',
  'assign',
  'admins',
  'sign-offs',
  'signoffs',
  'subscribe',
  'unsubscribe',
  'subscriptions',
  'import',
];

/**
 * The one adapter between Teams and the product's parser (src/understanding), so the bot
 * understands exactly what `/direction` does in Slack. Nothing else in src/teams reads words.
 */
export function understand(raw: string): Intent {
  return parseIntent(raw, { commands: COMMANDS });
}
