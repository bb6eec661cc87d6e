import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  path: string;
  // biome-ignore lint/suspicious/noExplicitAny: Slack JSON bodies, inspected by the tests
  body: any;
}

// biome-ignore lint/suspicious/noExplicitAny: Slack JSON answers
type Answer = (body: any) => Record<string, unknown>;

/**
 * A stand-in for Slack on loopback: it takes response_url posts and Web API calls and records
 * them, so tests see what the app sent to Slack. Web API calls get Slack-shaped answers: a ts
 * for chat.postMessage, a view id for views.open, the members set for conversations.members;
 * anything else {"ok": true}. `answer()` replaces the answer to a method.
 */
export async function startSlackStandIn() {
  const requests: RecordedRequest[] = [];
  const waiters: (() => void)[] = [];
  const members = new Map<string, string[]>();
  let counter = 0;
  const answers = new Map<string, Answer>([
    [
      'chat.postMessage',
      (body) => ({ ok: true, channel: body.channel, ts: `1700000000.${String(++counter).padStart(6, '0')}` }),
    ],
    [
      'chat.postEphemeral',
      () => ({ ok: true, message_ts: `1700000000.${String(++counter).padStart(6, '0')}` }),
    ],
    ['views.open', () => ({ ok: true, view: { id: `V${++counter}`, hash: `hash-${counter}` } })],
    ['views.push', () => ({ ok: true, view: { id: `V${++counter}`, hash: `hash-${counter}` } })],
    ['views.update', (body) => ({ ok: true, view: { id: body.view_id, hash: `hash-${++counter}` } })],
    [
      'conversations.members',
      (body) => ({
        ok: true,
        members: members.get(body.channel) ?? [],
        response_metadata: { next_cursor: '' },
      }),
    ],
  ]);
  const server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => {
      raw += chunk;
    });
    request.on('end', () => {
      const type = request.headers['content-type'] ?? '';
      const body = type.includes('json')
        ? JSON.parse(raw || '{}')
        : Object.fromEntries(new URLSearchParams(raw).entries());
      const path = request.url ?? '/';
      requests.push({ path, body });
      for (const wake of waiters.splice(0)) wake();
      const method = path.startsWith('/api/') ? path.slice(5) : undefined;
      const answer = method ? answers.get(method) : undefined;
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(answer ? answer(body) : { ok: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    responseUrl: `${url}/response`,
    requests,
    /** Web API calls to `method`, with JSON-valued fields (blocks, view) parsed. */
    // biome-ignore lint/suspicious/noExplicitAny: Slack JSON bodies, inspected by the tests
    calls(method: string): any[] {
      return requests
        .filter((request) => request.path === `/api/${method}`)
        .map((request) => parseFields(request.body));
    },
    /** Who conversations.members says is in a channel. */
    setMembers(channel: string, users: string[]) {
      members.set(channel, users);
    },
    answer(method: string, answer: Answer) {
      answers.set(method, answer);
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
