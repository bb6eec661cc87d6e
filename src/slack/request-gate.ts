import { createHmac, timingSafeEqual } from 'node:crypto';
import { parse as parseQuery } from 'node:querystring';

/**
 * How far a request's timestamp may be from our clock, either way. Slack's guide refuses
 * requests older than 5 minutes (replays); one from the future is refused as well, or a
 * captured request signed "tomorrow" could be replayed all day
 * (https://docs.slack.dev/authentication/verifying-requests-from-slack).
 */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

/** Slack's own bodies are a few kB; a message with 50 blocks and a modal's state stay far below this. */
export const MAX_SLACK_BODY_BYTES = 512 * 1024;

/** Block Kit nests a dozen levels at most (rich text in a view state); deeper is not Slack. */
const MAX_JSON_DEPTH = 64;

export interface SlackRequestParts {
  rawBody: string;
  contentType: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
}

export type GateVerdict = { ok: true } | { ok: false; status: 400 | 401 | 413; reason: string };

/**
 * The check every Slack request passes before Bolt sees it, in both transports (the local
 * server and the Lambda function). Bolt trusts any signed body to be shaped as Slack shapes
 * it, and a signed `payload=null` made it throw outside its error handling and take the
 * process down: so the signature, the timestamp window and the body's shape are all checked
 * here, and anything else is answered 400 (or 401) without reaching a listener.
 */
export function checkSlackRequest(
  parts: SlackRequestParts,
  signingSecret: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): GateVerdict {
  if (Buffer.byteLength(parts.rawBody) > MAX_SLACK_BODY_BYTES)
    return refuse(413, `body over ${MAX_SLACK_BODY_BYTES} bytes`);
  const form = isForm(parts.contentType) ? parseQuery(parts.rawBody) : undefined;
  // Slack's ssl_check is unsigned by design; Bolt answers it and strips anything else.
  if (form?.ssl_check === '1') return { ok: true };
  const timestamp = Number(parts.timestamp);
  if (!Number.isInteger(timestamp)) return refuse(401, 'no request timestamp');
  if (Math.abs(nowSeconds - timestamp) > TIMESTAMP_TOLERANCE_SECONDS)
    return refuse(401, `timestamp ${timestamp} is more than 5 minutes from now`);
  if (!signedBy(signingSecret, parts)) return refuse(401, 'signature does not match');
  const problem = form ? formProblem(form) : jsonProblem(parts.rawBody);
  return problem ? refuse(400, problem) : { ok: true };
}

function refuse(status: 400 | 401 | 413, reason: string): GateVerdict {
  return { ok: false, status, reason };
}

function isForm(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]?.trim() === 'application/x-www-form-urlencoded';
}

function signedBy(secret: string, parts: SlackRequestParts): boolean {
  const expected = `v0=${createHmac('sha256', secret).update(`v0:${parts.timestamp}:${parts.rawBody}`).digest('hex')}`;
  const given = Buffer.from(parts.signature ?? '');
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** A form is a slash command, or one `payload` field holding an interaction object. */
function formProblem(form: ReturnType<typeof parseQuery>): string | undefined {
  if (form.payload === undefined) {
    return typeof form.command === 'string' && typeof form.text !== 'object'
      ? undefined
      : 'a form that is neither a slash command nor an interaction';
  }
  if (typeof form.payload !== 'string') return 'more than one payload field';
  return jsonProblem(form.payload);
}

/** JSON bodies (events, interaction payloads) are objects with a string `type`; events carry an event object. */
function jsonProblem(text: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'JSON that does not parse';
  }
  if (!isObject(value))
    return `JSON ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}, not an object`;
  if (typeof value.type !== 'string') return 'an object without a type';
  if (value.type === 'event_callback' && !isObject(value.event)) return 'an event callback without an event';
  if (depthOf(value) > MAX_JSON_DEPTH) return `JSON nested more than ${MAX_JSON_DEPTH} deep`;
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Nesting depth, walked without recursion so a hostile body cannot exhaust the stack. */
function depthOf(root: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (typeof node !== 'object' || node === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}
