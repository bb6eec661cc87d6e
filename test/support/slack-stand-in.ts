import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  path: string;
  // biome-ignore lint/suspicious/noExplicitAny: Slack JSON bodies, inspected by the tests
  body: any;
}

/**
 * A stand-in for Slack on loopback: it takes response_url posts and Web API calls
 * (answering {"ok": true}) and records them, so tests see what the app sent to Slack.
 */
export async function startSlackStandIn() {
  const requests: RecordedRequest[] = [];
  /** Answers other than {"ok": true}: a Web API method's JSON, or a file's bytes to download. */
  const answers = new Map<string, unknown>();
  const waiters: (() => void)[] = [];
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
      requests.push({ path: request.url ?? '/', body });
      for (const wake of waiters.splice(0)) wake();
      const answer = answers.get((request.url ?? '/').split('?')[0] ?? '/');
      if (answer instanceof Uint8Array)
        response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(answer);
      else
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify(answer ?? { ok: true }));
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
