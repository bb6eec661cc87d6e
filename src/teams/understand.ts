import type { Intent } from '../understanding/intent';
import { parseIntent } from '../understanding/parse';

/**
 * The one adapter between Teams and the product's parser (src/understanding), so the bot
 * understands exactly what `/direction` does in Slack: the same parser and vocabulary (its
 * capability words included). Nothing else in src/teams reads words.
 */
export function understand(raw: string): Intent {
  return parseIntent(raw);
}
