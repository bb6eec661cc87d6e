import * as z from 'zod';

/**
 * What an API key may do. `read` reads the register; `write` also posts progress updates;
 * `admin` also reopens closed directions and loads papers. Each scope includes the ones before.
 */
export const ApiScopeSchema = z.enum(['read', 'write', 'admin']);
export type ApiScope = z.infer<typeof ApiScopeSchema>;

const RANK: Record<ApiScope, number> = { read: 0, write: 1, admin: 2 };

export function scopeAllows(held: ApiScope, needed: ApiScope): boolean {
  return RANK[held] >= RANK[needed];
}

/** One IJB's id, or '*' for a key that may use every IJB in the register. */
export const ApiKeyIjbSchema = z.union([z.literal('*'), z.string().regex(/^[a-z][a-z0-9-]{2,40}$/)]);

/**
 * An API key as the table keeps it: never the key itself, only its SHA-256 hash. The rate
 * window lives on the same item, so checking a key, counting its request and noting when it
 * was last used is one conditional write.
 */
export const ApiKeyRecordSchema = z.object({
  id: z.string().regex(/^[a-f0-9]{16}$/),
  name: z.string().min(1).max(100),
  scope: ApiScopeSchema,
  ijb: ApiKeyIjbSchema,
  keyHash: z.string().length(64),
  createdAt: z.string(),
  createdBy: z.string().max(200),
  lastUsedAt: z.string().optional(),
  revokedAt: z.string().optional(),
  windowStart: z.number().int().optional(),
  windowCount: z.number().int().optional(),
});
export type ApiKeyRecord = z.infer<typeof ApiKeyRecordSchema>;

/** A read-only link to one IJB's web register, made by an admin in Slack. Revocable; expires. */
export const ShareLinkRecordSchema = z.object({
  id: z.string().regex(/^[a-f0-9]{16}$/),
  ijb: z.string(),
  expiresAt: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  revokedAt: z.string().optional(),
});
export type ShareLinkRecord = z.infer<typeof ShareLinkRecordSchema>;
