import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type Config, loadConfig } from '../../src/config';
import { type EmbeddedDynamo, startEmbeddedDynamo } from '../../src/local/embedded-dynamo';
import { type LocalServer, startLocalServer } from '../../src/local/server';
import { seedRegister } from '../../src/register/seed';
import { interactionBody, slackSignatureHeaders, slashCommandBody } from '../../src/slack/signature';
import { createDocumentClient } from '../../src/store/dynamo-client';
import { createDynamoRegisterStore } from '../../src/store/dynamo-register-store';
import { ensureTable } from '../../src/store/ensure-table';
import { createImportStore, type ImportStore } from '../../src/store/import-store';
import type { RegisterStore } from '../../src/store/register-store';

export const TEST_SECRET = 'test-signing-secret';

/** A real dynalite in this process, with the register table created from the shared definition. */
export async function startTestDynamo(): Promise<{
  dynamo: EmbeddedDynamo;
  db: DynamoDBDocumentClient;
  store: RegisterStore;
  imports: ImportStore;
  tableName: string;
  close(): Promise<void>;
}> {
  const dynamo = await startEmbeddedDynamo();
  const db = createDocumentClient({ region: 'eu-west-2', endpoint: dynamo.endpoint });
  const tableName = 'register-test';
  await ensureTable(db, tableName);
  return {
    dynamo,
    db,
    tableName,
    store: createDynamoRegisterStore(db, tableName),
    imports: createImportStore(db, tableName),
    close: async () => {
      db.destroy();
      await dynamo.close();
    },
  };
}

export interface Harness {
  url: string;
  store: RegisterStore;
  db: DynamoDBDocumentClient;
  tableName: string;
  server: LocalServer;
  config: Config;
  /** Sends a signed slash command and returns the HTTP status and parsed ack body. */
  command(text: string, fields?: Partial<Parameters<typeof slashCommandBody>[0]>): Promise<SlackResponse>;
  /** Sends a signed interaction payload. */
  interact(payload: unknown): Promise<SlackResponse>;
  /** Sends a signed Events API callback (JSON), as Slack delivers a message event; `retryNum` as a redelivery. */
  event(
    event: Record<string, unknown>,
    options?: { eventId?: string; retryNum?: number; envelope?: Record<string, unknown> },
  ): Promise<SlackResponse>;
  post(body: string, headers: Record<string, string>): Promise<SlackResponse>;
  close(): Promise<void>;
}

export interface SlackResponse {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: replies are Slack JSON, inspected by the tests
  body: any;
}

/** The real local server (Bolt over HTTP) on a free port, over a seeded in-process dynalite. */
export async function startHarness(
  options: {
    clock?: () => Date;
    env?: Record<string, string>;
    /** Wraps the seeded store, e.g. to count or break calls. */
    wrapStore?: (store: RegisterStore) => RegisterStore;
    ackBudgetMs?: number;
    /** The Teams bot's reply credentials (a stand-in Bot Connector's). */
    teamsOutbound?: import('../../src/teams/adapter').TeamsAuthConfig['outbound'];
  } = {},
): Promise<Harness> {
  const data = await startTestDynamo();
  await seedRegister(data.store, new Date('2023-04-01T09:00:00Z'), data.imports);
  const config = loadConfig({
    PORT: '0',
    SLACK_SIGNING_SECRET: TEST_SECRET,
    LOG_LEVEL: 'error',
    TABLE_NAME: data.tableName,
    ...options.env,
  });
  const server = await startLocalServer(config, {
    store: options.wrapStore ? options.wrapStore(data.store) : data.store,
    db: data.db,
    clock: options.clock ?? (() => new Date()),
    ...(options.ackBudgetMs ? { ackBudgetMs: options.ackBudgetMs } : {}),
    ...(options.teamsOutbound ? { teamsOutbound: options.teamsOutbound } : {}),
  });
  const url = `http://127.0.0.1:${server.port}/slack/events`;

  const post = async (body: string, headers: Record<string, string>): Promise<SlackResponse> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body,
    });
    const text = await response.text();
    return { status: response.status, body: text ? safeJson(text) : undefined };
  };
  const signed = (body: string) => post(body, slackSignatureHeaders(TEST_SECRET, body));

  return {
    url,
    store: data.store,
    db: data.db,
    tableName: data.tableName,
    server,
    config,
    command: (text, fields) => signed(slashCommandBody({ text, ...fields })),
    interact: (payload) => signed(interactionBody(payload)),
    event: (event, options = {}) => {
      const body = JSON.stringify({
        token: 'deprecated-verification-token',
        team_id: 'T0LOCAL',
        api_app_id: 'A0LOCAL',
        type: 'event_callback',
        event_id: options.eventId ?? `Ev${Math.random().toString(36).slice(2, 12).toUpperCase()}`,
        event_time: Math.floor(Date.now() / 1000),
        ...options.envelope,
        event,
      });
      return post(body, {
        'content-type': 'application/json',
        ...slackSignatureHeaders(TEST_SECRET, body),
        ...(options.retryNum
          ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' }
          : {}),
      });
    },
    post,
    close: async () => {
      await server.stop();
      await data.close();
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** All the text a Block Kit message shows, flattened, for assertions on what a person reads. */
// biome-ignore lint/suspicious/noExplicitAny: walks arbitrary Block Kit JSON
export function visibleText(message: any): string {
  const parts: string[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: walks arbitrary Block Kit JSON
  const walk = (node: any) => {
    if (!node || typeof node !== 'object') return;
    if (typeof node.text === 'string') parts.push(node.text);
    for (const value of Object.values(node)) if (typeof value === 'object') walk(value);
  };
  walk(message?.blocks ?? []);
  return parts.join('\n');
}

/** Wraps a store so every call is counted by method name (and may be intercepted). */
export function instrumentStore(
  store: RegisterStore,
  intercept?: (method: string, args: unknown[]) => Promise<unknown> | undefined,
): { store: RegisterStore; calls: string[] } {
  const calls: string[] = [];
  const proxy = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(property));
        return intercept?.(String(property), args) ?? value.apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}
