/**
 * Adaptive Card 1.5 building blocks (https://adaptivecards.io/explorer/), the JSON Teams
 * renders. Plain objects: the SDK sends them as an attachment, and tests validate them
 * against the schema (test/support/adaptive-card-schema.json).
 */
export type Element = Record<string, unknown> & { type: string };
export type Action = Record<string, unknown> & { type: 'Action.Submit' | 'Action.OpenUrl'; title: string };

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: Element[];
  actions?: Action[];
  msteams?: { width: 'Full' };
}

/** Teams refuses a message larger than about 28 KB; cards stay well within it. */
export const TEAMS_CARD_LIMIT_BYTES = 28 * 1024;

/** What every button sends back as the activity's `value`: the action and the direction it is about. */
export interface CardData {
  action: string;
  ijbId?: string;
  planYear?: string;
  ref?: string;
  updateId?: string;
  page?: number;
  [field: string]: unknown;
}

export function card(body: Element[], actions: Action[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}

export function heading(text: string): Element {
  return { type: 'TextBlock', text, size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' };
}

export function text(value: string, options: Record<string, unknown> = {}): Element {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

export function note(value: string): Element {
  return text(value, { isSubtle: true, size: 'Small', spacing: 'None' });
}

/** A problem beside the field it is about, as the Slack modal shows it under the input. */
export function fieldError(value: string): Element {
  return text(value, { color: 'Attention', size: 'Small', spacing: 'None' });
}

export function facts(pairs: ReadonlyArray<readonly [string, string]>): Element {
  return { type: 'FactSet', facts: pairs.map(([title, value]) => ({ title, value })) };
}

export function submit(title: string, data: CardData, style?: 'positive' | 'destructive'): Action {
  return { type: 'Action.Submit', title, data, ...(style ? { style } : {}) };
}

export function actionSet(actions: Action[]): Element {
  return { type: 'ActionSet', actions };
}

export function container(items: Element[], options: Record<string, unknown> = {}): Element {
  return { type: 'Container', items, ...options };
}

/** Adaptive Card text is a small Markdown: escape what would be read as formatting. */
export function plain(value: string): string {
  return value.replace(/([\\*_[\]`#>])/g, '\\$1');
}

/** Slack-style `<@U1>` mentions in service messages, shown by name in Teams. */
export function people(value: string): string {
  return value
    .replace(/<@([^>]+)>/g, (_all, id: string) => personName(id))
    .replace(/<#([^>|]+)(\|[^>]*)?>/g, 'its team channel');
}

export function personName(id: string): string {
  return id.startsWith('aad:') ? `Teams user ${id.slice(4, 12)}` : `Slack user ${id}`;
}

export function byteSize(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
