import type {
  App,
  BlockButtonAction,
  Middleware,
  SlackActionMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';

type ActionListener = Middleware<SlackActionMiddlewareArgs<BlockButtonAction>>;
type ViewListener = Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>>;
type MessageListener = Middleware<SlackEventMiddlewareArgs<'message'>>;
type HomeListener = Middleware<SlackEventMiddlewareArgs<'app_home_opened'>>;
type MentionListener = Middleware<SlackEventMiddlewareArgs<'app_mention'>>;
type LinkSharedListener = Middleware<SlackEventMiddlewareArgs<'link_shared'>>;
type AnyEventListener = Middleware<SlackEventMiddlewareArgs<string>>;
type ShortcutListener = Middleware<SlackShortcutMiddlewareArgs>;

/**
 * Where capabilities register their Slack listeners. Bolt runs every listener's middleware
 * for every request it receives, so each listener registered costs every /direction lookup
 * (about 2–3 µs each, measured in `npm run bench`); the router keeps Bolt to one listener per
 * kind and finds the handler by its action id or callback id.
 */
export interface SlackRouter {
  action(id: string | RegExp, listener: ActionListener): void;
  view(callbackId: string | RegExp, listener: ViewListener): void;
  /** Every message listener hears every message event (DMs, threads); each decides for itself. */
  event(name: 'message', listener: MessageListener): void;
  /** The Home tab opening (App Home), and @mentions of the bot in a channel. */
  event(name: 'app_home_opened', listener: HomeListener): void;
  event(name: 'app_mention', listener: MentionListener): void;
  /** A link to the web register posted in a conversation (unfurl_domains): unfurled into a card. */
  event(name: 'link_shared', listener: LinkSharedListener): void;
  /** Global and message shortcuts, by callback id. */
  shortcut(callbackId: string, listener: ShortcutListener): void;
}

interface Routes<L> {
  exact: Map<string, L>;
  patterns: [RegExp, L][];
}

function routes<L>(): Routes<L> {
  return { exact: new Map(), patterns: [] };
}

function add<L>(table: Routes<L>, key: string | RegExp, listener: L, kind: string): void {
  if (typeof key !== 'string') {
    table.patterns.push([key, listener]);
    return;
  }
  if (table.exact.has(key)) throw new Error(`Two ${kind} listeners for "${key}"`);
  table.exact.set(key, listener);
}

function find<L>(table: Routes<L>, key: string): L | undefined {
  return table.exact.get(key) ?? table.patterns.find(([pattern]) => pattern.test(key))?.[1];
}

export function createSlackRouter(): SlackRouter & { mount(app: App): void } {
  const actions = routes<ActionListener>();
  const views = routes<ViewListener>();
  const events = new Map<string, AnyEventListener[]>();
  const shortcuts = routes<ShortcutListener>();
  return {
    shortcut: (callbackId, listener) => add(shortcuts, callbackId, listener, 'shortcut'),
    action: (id, listener) => add(actions, id, listener, 'action'),
    view: (callbackId, listener) => add(views, callbackId, listener, 'view'),
    event: ((name: string, listener: AnyEventListener) => {
      events.set(name, [...(events.get(name) ?? []), listener]);
    }) as SlackRouter['event'],
    mount(app) {
      // An action or view no one routes is left unacknowledged, as Bolt leaves one with no listener.
      app.action<BlockButtonAction>({ type: 'block_actions' }, async (args) => {
        await find(actions, args.action.action_id)?.(args);
      });
      app.view<ViewSubmitAction>({ type: 'view_submission' }, async (args) => {
        await find(views, args.view.callback_id)?.(args);
      });
      if (shortcuts.exact.size > 0)
        app.shortcut({}, async (args) => {
          await find(shortcuts, args.shortcut.callback_id)?.(args);
        });
      // One Bolt listener for every event type routed (each Bolt listener costs every request).
      if (events.size > 0) {
        const names = new RegExp(`^(${[...events.keys()].join('|')})$`);
        app.event(names, async (args) => {
          const listeners = events.get(args.event.type) ?? [];
          await Promise.all(listeners.map((listener) => listener(args as never)));
        });
      }
    },
  };
}
