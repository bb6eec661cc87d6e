/**
 * Keys of what the HTTP API and the web register keep: API keys (by id), the requests an
 * Idempotency-Key has named, and share links. See docs/data-model.md.
 */
export const apiAccessKeys = {
  apiKey: (id: string) => ({ pk: `APIKEY#${id}`, sk: 'KEY' }),
  /** Lists keys oldest first, for `npm run apikey -- list`. */
  apiKeyIndex: (createdAt: string, id: string) => ({ gsi1pk: 'APIKEYS', gsi1sk: `${createdAt}#${id}` }),
  apiKeyScope: 'APIKEYS',
  /** One item per (API key, Idempotency-Key): the request's body hash, written once. */
  idempotency: (keyId: string, idempotencyKey: string) => ({
    pk: `IDEM#${keyId}#${idempotencyKey}`,
    sk: 'REQUEST',
  }),
  shareLink: (id: string) => ({ pk: `SHARE#${id}`, sk: 'LINK' }),
};
