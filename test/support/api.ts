import { createApiKeys } from '../../src/api/api-keys';
import type { ApiScope } from '../../src/domain/api-access';
import { createApiKeyStore } from '../../src/store/api-key-store';
import { createShareLinkStore } from '../../src/store/share-link-store';
import { createShareLinks } from '../../src/web/share-links';
import { type Harness, startHarness } from './harness';

export interface ApiHarness {
  harness: Harness;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** A new API key (the plain key, as `npm run apikey -- create` prints it). */
  key(scope: ApiScope, ijb?: string, name?: string): Promise<string>;
  revoke(key: string): Promise<void>;
  /** A share link's path (/share/<token>), as `/direction share web` makes it. */
  shareLink(ijb?: string, days?: number): Promise<{ path: string; id: string }>;
  revokeShare(id: string): Promise<void>;
  /** fetch against the running server; `key` becomes the Bearer token. */
  request(path: string, init?: RequestInit & { key?: string }): Promise<ApiResponse>;
  close(): Promise<void>;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: JSON inspected by the tests
  body: any;
  text: string;
}

/** The real local server (`npm start`'s), with API keys made as the CLI makes them. */
export async function startApiHarness(options: Parameters<typeof startHarness>[0] = {}): Promise<ApiHarness> {
  const harness = await startHarness(options);
  const origin = `http://127.0.0.1:${harness.server.port}`;
  const keys = createApiKeys({
    keys: createApiKeyStore(harness.db, harness.tableName),
    clock: () => new Date(),
  });
  // The local server's development share key (src/local/server.ts), as the harness config has no other.
  const shares = createShareLinks({
    secret: harness.config.SHARE_LINK_SECRET ?? `share-links:${harness.config.signingSecret}`,
    links: createShareLinkStore(harness.db, harness.tableName),
    clock: () => new Date(),
  });
  return {
    harness,
    origin,
    async shareLink(ijb = 'midlothian', days = 30) {
      const { token, grant } = await shares.create({ ijb, days, by: 'U0ADMIN' });
      return { path: `/share/${token}`, id: grant.id };
    },
    async revokeShare(id) {
      await shares.revoke(id);
    },
    async key(scope, ijb = 'midlothian', name = `test ${scope}`) {
      return (await keys.create({ name, scope, ijb, by: 'test' })).key;
    },
    async revoke(key) {
      await keys.revoke(key.split('_')[1] ?? '');
    },
    async request(path, init = {}) {
      const { key, headers, ...rest } = init;
      const response = await fetch(`${origin}${path}`, {
        ...rest,
        headers: {
          ...(key ? { authorization: `Bearer ${key}` } : {}),
          ...(headers as Record<string, string>),
        },
      });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {}
      return { status: response.status, headers: response.headers, body, text };
    },
    close: () => harness.close(),
  };
}
