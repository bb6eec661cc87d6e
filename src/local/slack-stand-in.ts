import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  path: string;
  // biome-ignore lint/suspicious/noExplicitAny: Slack JSON bodies, inspected by the tests
  body: any;
}

/** How the stand-in answers one request, when a test wants something other than success. */
export interface StandInReply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Answer this late (Slack being slow): the request has been taken, only the answer waits. */
  delayMs?: number;
}

/** What the bot sent that a person would see: messages, modals, App Home. */
const FEED_METHODS = new Set([
  'chat.postMessage',
  'chat.postEphemeral',
  'chat.update',
  'views.open',
  'views.push',
  'views.update',
  'views.publish',
]);
const MAX_KEPT = 5_000;

/** One thing the bot sent, as `npm run chat` reads it from GET /_feed?after=<seq>. */
export interface FeedItem {
  seq: number;
  method: string;
  // biome-ignore lint/suspicious/noExplicitAny: Slack JSON bodies
  body: any;
  // biome-ignore lint/suspicious/noExplicitAny: Slack JSON answers
  answer: any;
}

/**
 * A stand-in for Slack on loopback: it takes response_url posts and Web API calls
 * (answering {"ok": true}; chat.postMessage with the channel and a fresh ts, views.open and
 * friends with a view id, conversations.members with the members set by `setMembers`) and
 * records them, so tests see what the app sent to Slack, and `npm start` offline has a Slack
 * to talk to (GET /_feed is what `npm run chat` shows). `answerWith` scripts other answers:
 * a 429 with Retry-After, an error, a 500.
 */
export async function startSlackStandIn() {
  const requests: RecordedRequest[] = [];
  const feed: FeedItem[] = [];
  let sequence = 0;
  /** Answers other than {"ok": true}: a Web API method's JSON, or a file's bytes to download. */
  const answers = new Map<string, unknown>();
  const waiters: (() => void)[] = [];
  let answer: ((request: RecordedRequest) => StandInReply | undefined) | undefined;
  const members = new Map<string, string[]>();
  /** What chat.postMessage posted, as conversations.history and .replies give it back. */
  const messages: { channel: string; ts: string; thread_ts?: string; metadata?: unknown }[] = [];
  let posted = 0;
  const success = (recorded: RecordedRequest): StandInReply => {
    const method = recorded.path.split('/').at(-1) ?? '';
    if (method.startsWith('views.')) {
      posted++;
      return {
        body: { ok: true, view: { id: recorded.body.view_id ?? `V${posted}`, hash: `hash-${posted}` } },
      };
    }
    if (method === 'conversations.members') {
      return {
        body: {
          ok: true,
          members: members.get(recorded.body.channel) ?? [],
          response_metadata: { next_cursor: '' },
        },
      };
    }
    if (method === 'chat.getPermalink')
      return {
        body: {
          ok: true,
          channel: recorded.body.channel,
          permalink: `https://local.slack.invalid/archives/${recorded.body.channel}/p${String(recorded.body.message_ts ?? '').replace('.', '')}`,
        },
      };
    if (method === 'chat.postEphemeral')
      return { body: { ok: true, message_ts: `${1_700_000_000 + ++posted}.000000` } };
    if (method === 'conversations.history' || method === 'conversations.replies') {
      const inThread = method === 'conversations.replies';
      return {
        body: {
          ok: true,
          messages: messages
            .filter((m) => m.channel === recorded.body.channel)
            .filter((m) => (inThread ? m.thread_ts === recorded.body.ts : !m.thread_ts))
            .map(({ ts, metadata }) => ({ type: 'message', ts, ...(metadata ? { metadata } : {}) })),
          has_more: false,
        },
      };
    }
    if (method === 'chat.unfurl') return unfurled(recorded.body);
    if (method !== 'chat.postMessage') return { body: { ok: true } };
    posted++;
    const metadata = recorded.body.metadata;
    messages.push({
      channel: recorded.body.channel,
      ts: `${1_700_000_000 + posted}.${String(posted).padStart(6, '0')}`,
      ...(recorded.body.thread_ts ? { thread_ts: recorded.body.thread_ts } : {}),
      ...(metadata ? { metadata: typeof metadata === 'string' ? JSON.parse(metadata) : metadata } : {}),
    });
    if (messages.length > MAX_KEPT) messages.splice(0, messages.length - MAX_KEPT);
    return {
      body: {
        ok: true,
        channel: recorded.body.channel,
        ts: `${1_700_000_000 + posted}.${String(posted).padStart(6, '0')}`,
      },
    };
  };
  const server = createServer((request, response) => {
    // The feed `npm run chat` polls: what the bot sent Slack, from a sequence number on.
    if (request.method === 'GET' && request.url?.startsWith('/_feed')) {
      const after = Number(new URL(request.url, 'http://local').searchParams.get('after') ?? '0');
      const seen = feed.filter((item) => item.seq > after);
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: seen }));
      return;
    }
    let raw = '';
    request.on('data', (chunk) => {
      raw += chunk;
    });
    request.on('end', () => {
      const type = request.headers['content-type'] ?? '';
      const body = type.includes('json')
        ? JSON.parse(raw || '{}')
        : Object.fromEntries(new URLSearchParams(raw).entries());
      const recorded = { path: request.url ?? '/', body };
      requests.push(recorded);
      // Keep only a bounded history in a long-running npm start.
      if (requests.length > MAX_KEPT) requests.splice(0, requests.length - MAX_KEPT);
      for (const wake of waiters.splice(0)) wake();
      const reply = answer?.(recorded);
      const fixed = answers.get((request.url ?? '/').split('?')[0] ?? '/');
      if (!reply && fixed instanceof Uint8Array) {
        response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(fixed);
        return;
      }
      const {
        status = 200,
        headers = {},
        body: replyBody,
        delayMs = 0,
      } = reply?.body === undefined && reply?.status === undefined
        ? { ...(fixed ? { body: fixed } : success(recorded)), delayMs: reply?.delayMs ?? 0 }
        : reply;
      const answered = replyBody ?? { ok: true };
      const method = recorded.path.split('?')[0]?.split('/').at(-1) ?? '';
      if (FEED_METHODS.has(method)) {
        feed.push({ seq: ++sequence, method, body: parseFields(body), answer: answered });
        if (feed.length > MAX_KEPT) feed.splice(0, feed.length - MAX_KEPT);
      }
      const send = () =>
        response
          .writeHead(status, { 'content-type': 'application/json', ...headers })
          .end(JSON.stringify(answered));
      if (delayMs > 0) setTimeout(send, delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    responseUrl: `${url}/response`,
    requests,
    /** Answers `path` ("/files.info", "/download/F1") with this JSON or these bytes from now on. */
    answer(path: string, body: unknown) {
      answers.set(path, body);
    },
    /** Answers requests with `reply` where it returns one (else success), until called again. */
    answerWith(reply: ((request: RecordedRequest) => StandInReply | undefined) | undefined) {
      answer = reply;
    },
    /** The chat.postMessage calls so far, with their blocks parsed (the Web API client sends them as JSON text). */
    posts() {
      return requests
        .filter((request) => request.path.endsWith('/chat.postMessage'))
        .map((request) => ({
          ...request.body,
          blocks:
            typeof request.body.blocks === 'string' ? JSON.parse(request.body.blocks) : request.body.blocks,
        }));
    },
    /** Web API calls to `method`, with their JSON-valued fields (blocks, view) parsed. */
    // biome-ignore lint/suspicious/noExplicitAny: Slack JSON bodies, inspected by the tests
    calls(method: string): any[] {
      return requests
        .filter((request) => request.path.endsWith(`/${method}`))
        .map((request) => parseFields(request.body));
    },
    /** Who conversations.members says is in a channel. */
    setMembers(channel: string, users: string[]) {
      members.set(channel, users);
    },
    /** Resolves once `count` requests have arrived (or rejects after `ms`). */
    async waitFor(count: number, ms = 5_000): Promise<RecordedRequest[]> {
      const deadline = Date.now() + ms;
      while (requests.length < count) {
        if (Date.now() > deadline)
          throw new Error(`Slack stand-in got ${requests.length} of ${count} requests`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return requests;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * chat.unfurl as Slack checks it: a message (channel and ts) or a composer link (unfurl_id and
 * source), and unfurls keyed by http(s) URLs, each with blocks.
 * https://docs.slack.dev/reference/methods/chat.unfurl
 */
function unfurled(body: Record<string, unknown>): StandInReply {
  const fields = parseFields(body);
  const target = (fields.channel && fields.ts) || (fields.unfurl_id && fields.source);
  const unfurls = fields.unfurls as Record<string, { blocks?: unknown }> | undefined;
  const valid =
    unfurls &&
    typeof unfurls === 'object' &&
    Object.entries(unfurls).length > 0 &&
    Object.entries(unfurls).every(([url, card]) => /^https?:\/\//.test(url) && Array.isArray(card?.blocks));
  if (!target) return { body: { ok: false, error: 'invalid_arguments' } };
  if (!valid) return { body: { ok: false, error: 'invalid_unfurls' } };
  return { body: { ok: true } };
}

export type SlackStandIn = Awaited<ReturnType<typeof startSlackStandIn>>;

function parseFields(body: Record<string, unknown>): Record<string, unknown> {
  const parsed: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string' && /^[[{]/.test(value)) {
      try {
        parsed[name] = JSON.parse(value);
        continue;
      } catch {
        // not JSON after all: keep the text
      }
    }
    parsed[name] = value;
  }
  return parsed;
}
