import { slashCommandBody } from '../slack/signature';
import { type PressableButton, renderBlocksAsText } from './block-text';
import { type Ask, fillForm, inputsOf, type SlackView } from './chat-forms';
import { chatTransport } from './chat-transport';

/**
 * What `npm run chat` does, without the terminal: sends what a person types as Slack would
 * (signed), and shows what the bot sent Slack — the ack, response_url posts, and, from the
 * offline stand-in's feed, DMs, channel posts, modals (filled in field by field) and App Home.
 */
export interface ChatOptions {
  url: string;
  secret: string;
  user: string;
  channel: string;
  team: string;
  responseUrl: string;
  /** The offline Slack stand-in of `npm start` (its GET /_feed), when there is one. */
  standIn?: string | undefined;
  color: boolean;
  print: (text: string) => void;
  ask: Ask;
}

type Pressable = PressableButton & { channel: string; ts?: string; viewId?: string };
// biome-ignore lint/suspicious/noExplicitAny: Slack JSON
type Json = any;

export const CHAT_HELP = [
  'Type what you would type in Slack:',
  '  /direction 5.1 (or just 5.1)   the slash command',
  '  dm update 5.1                  a message in the bot’s Messages tab',
  '  @directions overdue            a mention in the channel (answered in its thread)',
  '  reply on track: all good       a reply in the thread of the last channel post',
  '  home  ·  lookup                App Home  ·  the "Look up a direction" shortcut',
  '  a button’s number to press it; @U0SOMEONE and #C0CHANNEL as they are; quit',
].join('\n');

export function createChatSession(options: ChatOptions) {
  const { print } = options;
  const dm = `D${options.user}`;
  let buttons: Pressable[] = [];
  let feedSeq = 0;
  let lastChannelPost: { channel: string; ts: string } | undefined;
  let homeAsked = false;
  let oldSeq = 0;
  const myViews = new Set<string>();
  const pendingViews: Json[] = [];

  const show = (title: string, message: Json, where: { channel: string; ts?: string; viewId?: string }) => {
    const firstButton = 1;
    const rendered = renderBlocksAsText(message, { color: options.color, firstButton });
    if (rendered.buttons.length > 0) buttons = rendered.buttons.map((button) => ({ ...button, ...where }));
    print(`\n${title}\n${rendered.text}`);
  };

  const { post, event, interact, trigger } = chatTransport(options);
  const ts = () => `${Math.floor(Date.now() / 1000)}.${String(Date.now() % 1e6).padStart(6, '0')}`;
  /** `@U0X` and `#C0X` as Slack escapes them. */
  const escaped = (text: string) =>
    text
      .replace(/(^|\s)@([UW][A-Z0-9]{2,})\b/g, '$1<@$2>')
      .replace(/(^|\s)#([CG][A-Z0-9]{2,})\b/g, '$1<#$2>');

  const ackShown = (answer: Json) => {
    if (answer && (answer.text || answer.blocks)) {
      const visibility =
        answer.response_type === 'in_channel' ? '(posted in channel)' : '(only you can see this)';
      show(`bot ${visibility}`, answer, { channel: options.channel });
    }
  };

  /** A modal the bot opened: shown, filled in field by field, submitted; again while Slack says errors. */
  const runModal = async (view: Json, viewId: string) => {
    show(
      `modal: ${view.title?.text ?? ''}`,
      { blocks: view.blocks.filter((b: Json) => b.type !== 'input') },
      { channel: options.channel, viewId },
    );
    if (inputsOf(view as SlackView).length === 0 || !view.submit) return;
    let values = await fillForm(view as SlackView, options.ask, print);
    for (let round = 0; round < 5; round++) {
      const answer = await interact({
        type: 'view_submission',
        view: { ...view, id: viewId, state: { values } },
      });
      if (answer?.response_action === 'errors') {
        for (const [field, problem] of Object.entries(answer.errors ?? {})) print(`  ⚠ ${field}: ${problem}`);
        values = await fillForm(
          view as SlackView,
          options.ask,
          print,
          values,
          Object.keys(answer.errors ?? {}),
        );
        continue;
      }
      if (answer?.response_action === 'update' || answer?.response_action === 'push') {
        await runModal(answer.view, viewId);
        return;
      }
      print('  (form submitted)');
      return;
    }
  };

  /** What the bot sent Slack since last time, as this user would see it. */
  let reading: Promise<void> | undefined;
  /** Reads the feed; `forms` false leaves modals for the next turn (a background poll must not prompt). */
  const readFeed = async (forms = true): Promise<void> => {
    while (reading) await reading;
    reading = readFeedOnce(forms).finally(() => {
      reading = undefined;
    });
    return reading;
  };
  const readFeedOnce = async (forms: boolean): Promise<void> => {
    if (!options.standIn) return;
    let items: Json[] = [];
    try {
      const response = await fetch(`${options.standIn}/_feed?after=${feedSeq}`);
      items = ((await response.json()) as { items: Json[] }).items;
    } catch {
      return; // npm start stopped meanwhile: nothing new to show
    }
    for (const item of items) {
      feedSeq = Math.max(feedSeq, item.seq);
      const { body, method, answer } = item;
      if (
        oldSeq >= item.seq &&
        !(
          method.startsWith('chat.') &&
          (body.channel === options.user || body.channel === dm || body.user === options.user)
        )
      )
        continue; // from before this chat started: only DMs to me are still news
      if (method === 'views.open' || method === 'views.push') {
        if (!String(body.trigger_id ?? '').startsWith(`${options.user}.`)) continue;
        myViews.add(answer.view?.id);
        pendingViews.push({ view: body.view, id: answer.view?.id });
      } else if (method === 'views.update') {
        if (myViews.has(body.view_id)) pendingViews.push({ view: body.view, id: body.view_id });
      } else if (method === 'views.publish') {
        if (body.user_id !== options.user) continue;
        if (homeAsked) show('App Home', body.view, { channel: dm });
        else print('\n(App Home refreshed: type home to see it)');
        homeAsked = false;
      } else if (method === 'chat.postEphemeral') {
        if (body.user === options.user)
          show(`bot, only to you in #${body.channel}`, body, { channel: body.channel });
      } else {
        const channel = String(body.channel);
        const isDm = /^[DUW]/.test(channel);
        if (isDm && channel !== options.user && channel !== dm) continue;
        const where = isDm ? 'DM from the bot' : `#${channel}${body.thread_ts ? ' (in a thread)' : ''}`;
        const edited = method === 'chat.update' ? ' (edited)' : '';
        show(`${where}${edited}`, body, { channel, ts: answer.ts ?? body.ts });
        if (!isDm && !body.thread_ts && answer.ts) lastChannelPost = { channel, ts: answer.ts };
      }
    }
    let ran = false;
    while (forms && pendingViews.length > 0) {
      const next = pendingViews.shift();
      await runModal(next.view, next.id);
      ran = true;
    }
    // What the form's submission caused (a status card, a sign-off request) is news too.
    if (ran) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await readFeedOnce(forms);
    }
  };

  const press = async (button: Pressable) => {
    const container = button.viewId
      ? { type: 'view', view_id: button.viewId }
      : {
          type: 'message',
          channel_id: button.channel,
          message_ts: button.ts ?? ts(),
          is_ephemeral: !button.ts,
        };
    const answer = await interact({
      type: 'block_actions',
      channel: { id: button.channel },
      container,
      ...(button.ts ? { message: { ts: button.ts, text: '', blocks: [] } } : {}),
      response_url: options.responseUrl,
      actions: [
        {
          type: 'button',
          action_id: button.actionId,
          block_id: button.blockId,
          text: { type: 'plain_text', text: button.label },
          ...(button.value ? { value: button.value } : {}),
          action_ts: ts(),
        },
      ],
    });
    ackShown(answer);
  };

  /** One line typed by the person. */
  const handle = async (line: string): Promise<void> => {
    const pressed = /^\d+$/.test(line) ? buttons.find((button) => button.number === Number(line)) : undefined;
    if (pressed) return press(pressed);
    if (/^\d+$/.test(line) && buttons.length > 0) return print(`No button ${line}.`);
    if (line === 'help') return print(CHAT_HELP);
    const [word = '', ...restWords] = line.split(/\s+/);
    const rest = escaped(restWords.join(' '));
    if (word === 'home') {
      homeAsked = true;
      await event({ type: 'app_home_opened', user: options.user, channel: dm, tab: 'home', event_ts: ts() });
      return;
    }
    if (word === 'lookup') {
      await interact({ type: 'shortcut', callback_id: 'lookup_direction' });
      return;
    }
    if (word === 'dm') {
      const at = ts();
      await event({
        type: 'message',
        user: options.user,
        text: rest,
        channel: dm,
        channel_type: 'im',
        ts: at,
        event_ts: at,
      });
      return;
    }
    if (word === 'reply') {
      if (!lastChannelPost) return print('No channel post to reply to yet (a status card or a nudge).');
      const at = ts();
      await event({
        type: 'message',
        user: options.user,
        text: rest,
        channel: lastChannelPost.channel,
        channel_type: 'channel',
        thread_ts: lastChannelPost.ts,
        ts: at,
        event_ts: at,
      });
      return;
    }
    if (/^@(directions|ijb)/i.test(word)) {
      const at = ts();
      const text = rest.replace(/^directions\s+/i, '');
      await event({
        type: 'app_mention',
        user: options.user,
        text: `<@U0LOCALBOT> ${text}`,
        channel: options.channel,
        ts: at,
        event_ts: at,
      });
      return;
    }
    const [command = '/direction', ...words] = line.startsWith('/')
      ? line.split(/\s+/)
      : ['/direction', line];
    ackShown(
      await post(
        slashCommandBody({
          command,
          text: escaped(words.join(' ')),
          userId: options.user,
          teamId: options.team,
          channelId: options.channel,
          responseUrl: options.responseUrl,
          triggerId: trigger(),
        }),
      ),
    );
  };

  return {
    handle,
    readFeed,
    /** A response_url post (the listener in chat.ts hands it here). */
    later: (message: Json) => show('bot — follow-up', message, { channel: options.channel }),
    /** What the feed held before this chat started is old, except DMs to this user (a sign-off request). */
    async skipOld() {
      if (!options.standIn) return;
      try {
        const items = ((await (await fetch(`${options.standIn}/_feed?after=0`)).json()) as { items: Json[] })
          .items;
        oldSeq = items.at(-1)?.seq ?? 0;
      } catch {
        // no stand-in answering: nothing to skip
      }
    },
  };
}

export type ChatSession = ReturnType<typeof createChatSession>;
