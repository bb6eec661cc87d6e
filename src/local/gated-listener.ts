import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { checkSlackRequest, MAX_SLACK_BODY_BYTES } from '../slack/request-gate';

/**
 * Puts the request gate (src/slack/request-gate.ts) in front of Bolt's HTTP listener: the
 * body is read here once, checked, and handed on already buffered (Bolt reuses `rawBody`
 * rather than reading the stream again). Refusals are answered and logged; nothing throws.
 */
export function gatedListener(
  bolt: RequestListener,
  options: { signingSecret: string; path: string; warn: (message: string) => void },
): RequestListener {
  return (request, response) => {
    if (request.method !== 'POST' || (request.url ?? '').split('?')[0] !== options.path) {
      bolt(request, response);
      return;
    }
    readBody(request)
      .then((raw) => {
        if (raw === undefined) return answer(response, 413, 'body too large', options.warn);
        const verdict = checkSlackRequest(
          {
            rawBody: raw.toString('utf8'),
            contentType: header(request, 'content-type'),
            timestamp: header(request, 'x-slack-request-timestamp'),
            signature: header(request, 'x-slack-signature'),
          },
          options.signingSecret,
        );
        if (!verdict.ok) return answer(response, verdict.status, verdict.reason, options.warn);
        Object.assign(request, { rawBody: raw });
        bolt(request, response);
      })
      .catch((error: unknown) => answer(response, 400, `unreadable request: ${String(error)}`, options.warn));
  };
}

function answer(response: ServerResponse, status: number, reason: string, warn: (message: string) => void) {
  warn(`Refused a Slack request (${status}): ${reason}`);
  if (!response.headersSent) response.writeHead(status).end();
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The whole body, or undefined (and the rest discarded) once it passes the limit. */
function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_SLACK_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
