import { generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServiceClientCredentialsFactory } from 'botframework-connector';

export const TEAMS_APP_ID = '00000000-0000-4000-8000-00000000b07a';
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

function base64url(value: Buffer | string): string {
  return Buffer.from(value).toString('base64url');
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export interface KeySet {
  metadataUrl: string;
  /** A token as the Bot Framework channel would sign it; `claims` override the defaults. */
  token(claims?: Record<string, unknown>, options?: { key?: 'trusted' | 'forged' }): string;
  close(): Promise<void>;
}

/**
 * A Bot Framework OpenID metadata document and key set on loopback, as
 * login.botframework.com publishes them (with the channel endorsement), and a signer.
 */
export async function startKeySet(serviceUrl: () => string): Promise<KeySet> {
  const trusted = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const forged = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = `local-${randomUUID().slice(0, 8)}`;
  const jwk = {
    ...trusted.publicKey.export({ format: 'jwk' }),
    kid,
    kty: 'RSA',
    use: 'sig',
    endorsements: ['msteams'],
  };
  let base = '';
  const server = createServer((request, response) => {
    const json = (body: unknown) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (request.url === '/v1/.well-known/openidconfiguration') {
      return json({
        issuer: BOT_FRAMEWORK_ISSUER,
        jwks_uri: `${base}/v1/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    if (request.url === '/v1/keys') return json({ keys: [jwk] });
    response.writeHead(404).end();
  });
  base = await listen(server);
  const signWith = (key: KeyObject, claims: Record<string, unknown>) => {
    const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
    const body = base64url(JSON.stringify(claims));
    return `${header}.${body}.${base64url(sign('RSA-SHA256', Buffer.from(`${header}.${body}`), key))}`;
  };
  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    token(claims = {}, options = {}) {
      const now = Math.floor(Date.now() / 1000);
      return signWith(options.key === 'forged' ? forged.privateKey : trusted.privateKey, {
        iss: BOT_FRAMEWORK_ISSUER,
        aud: TEAMS_APP_ID,
        iat: now - 10,
        nbf: now - 10,
        exp: now + 3600,
        serviceurl: serviceUrl(),
        ...claims,
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface PostedActivity {
  conversationId: string;
  authorization: string | undefined;
  // biome-ignore lint/suspicious/noExplicitAny: Bot Framework JSON, inspected by the tests
  activity: any;
}

export interface BotConnectorStandIn {
  url: string;
  posted: PostedActivity[];
  /** Members the connector knows, by conversation (a team, channel or chat) and then member id or AAD object id. */
  members: Map<string, Map<string, Record<string, unknown>>>;
  /** Makes `member` (a Teams account with id and aadObjectId) a member of `conversationId`. */
  addMember(conversationId: string, member: { id: string; aadObjectId: string; name?: string }): void;
  /** Answer the next `count` posts with 429 and this Retry-After (seconds). */
  throttle(count: number, retryAfterSeconds: number): void;
  close(): Promise<void>;
}

/** The Bot Connector service on loopback: receives what the bot sends to the activity's serviceUrl. */
export async function startBotConnectorStandIn(): Promise<BotConnectorStandIn> {
  const posted: PostedActivity[] = [];
  let throttled = 0;
  let retryAfter = 0;
  const members = new Map<string, Map<string, Record<string, unknown>>>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      // GET /v3/conversations/{id}/members/{memberId}: TeamsInfo.getMember (404 when not a member).
      const member = /^\/v3\/conversations\/([^/]+)\/members\/([^/?]+)$/.exec(request.url ?? '');
      if (member?.[1] && member[2] && request.method === 'GET') {
        const found = members.get(decodeURIComponent(member[1]))?.get(decodeURIComponent(member[2]));
        if (!found)
          return response
            .writeHead(404, { 'content-type': 'application/json' })
            .end(
              JSON.stringify({ error: { code: 'MemberNotFoundInConversation', message: 'not a member' } }),
            );
        return response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(found));
      }
      const match = /^\/v3\/conversations\/([^/]+)\/activities/.exec(request.url ?? '');
      if (!match?.[1] || request.method !== 'POST') return response.writeHead(404).end();
      if (throttled > 0) {
        throttled -= 1;
        return response.writeHead(429, { 'retry-after': String(retryAfter) }).end();
      }
      posted.push({
        conversationId: decodeURIComponent(match[1]),
        authorization: request.headers.authorization,
        activity: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'),
      });
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ id: randomUUID() }));
    });
  });
  const url = await listen(server);
  return {
    url,
    posted,
    members,
    addMember(conversationId, account) {
      const known = members.get(conversationId) ?? new Map<string, Record<string, unknown>>();
      const record = { ...account, objectId: account.aadObjectId };
      known.set(account.id, record);
      known.set(account.aadObjectId, record);
      members.set(conversationId, known);
    },
    throttle(count, seconds) {
      throttled = count;
      retryAfter = seconds;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The bot's own reply token, as Entra ID would issue it; the stand-in connector only records it. */
export class StandInCredentials extends ServiceClientCredentialsFactory {
  async isValidAppId(appId: string) {
    return appId === TEAMS_APP_ID;
  }
  async isAuthenticationDisabled() {
    return false;
  }
  async createCredentials() {
    return {
      signRequest: async <T extends { headers: { set(name: string, value: string): void } }>(resource: T) => {
        resource.headers.set('authorization', 'Bearer stand-in-bot-token');
        return resource;
      },
    };
  }
}

/** A message activity as Teams sends it: from an AAD user, in a personal chat unless told. */
export function messageActivity(
  serviceUrl: string,
  text: string,
  options: {
    aadObjectId?: string;
    conversationId?: string;
    conversationType?: 'personal' | 'channel' | 'groupChat';
    value?: Record<string, unknown>;
    mention?: boolean;
  } = {},
): Record<string, unknown> {
  const bot = { id: `28:${TEAMS_APP_ID}`, name: 'IJB Directions' };
  const mention = '<at>IJB Directions</at>';
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: {
      id: `29:${options.aadObjectId ?? 'user'}`,
      name: 'Officer',
      aadObjectId: options.aadObjectId ?? '11111111-2222-4333-8444-555555555555',
    },
    conversation: {
      id: options.conversationId ?? 'a:personal-chat',
      conversationType: options.conversationType ?? 'personal',
      tenantId: 'tenant-1',
    },
    recipient: bot,
    text: options.mention ? `${mention} ${text}` : text,
    ...(options.mention ? { entities: [{ type: 'mention', text: mention, mentioned: bot }] } : {}),
    ...(options.value ? { value: options.value } : {}),
  };
}
