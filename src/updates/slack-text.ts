/**
 * Slack sends what people type with its own markup: `<@U123|jane>` for a mention,
 * `<#C123|team>` for a channel, `<https://…|label>` for a link, and &amp; &lt; &gt; for the
 * three characters it reserves (https://docs.slack.dev/messaging/formatting-message-text).
 * These read it back into plain words and ids.
 */
const USER = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>|(?<![\w<])([UW][A-Z0-9]{6,})(?![\w>])/g;
const CHANNEL = /<#([CG][A-Z0-9]+)(?:\|[^>]*)?>|(?<![\w<])([CG][A-Z0-9]{6,})(?![\w>])/g;

/** Plain text as the person typed it: links as their URL, mentions as ids, entities decoded. */
export function plainText(text: string): string {
  return text
    .replace(/<((?:https?|mailto):[^|>]+)(?:\|[^>]*)?>/g, '$1')
    .replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<#([CG][A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id, name) => `#${name || id}`)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The Slack user ids mentioned, in order, without repeats. */
export function mentionedUsers(text: string): string[] {
  return unique([...text.matchAll(USER)].map((match) => match[1] ?? match[2] ?? ''));
}

export function mentionedChannels(text: string): string[] {
  return unique([...text.matchAll(CHANNEL)].map((match) => match[1] ?? match[2] ?? ''));
}

/** Words that look like a mention but that Slack did not turn into one ("@jane", "#team"). */
export function unresolvedNames(text: string): string[] {
  const stripped = text.replace(/<[^>]*>/g, ' ');
  return [...stripped.matchAll(/(?:^|\s)([@#][\w.-]+)/g)].map((match) => match[1] ?? '');
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}
