import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ShareLinkStore } from '../store/share-link-store';

/**
 * Share links: `<id>.<ijb>.<expires, epoch s>.<HMAC-SHA256>` — signed with a key from the
 * environment locally and from Secrets Manager on AWS, expiring, and revocable (the id's
 * record is checked on every use). A link reads one IJB's register; it never writes.
 */
export interface ShareGrant {
  id: string;
  ijb: string;
  expiresAt: Date;
}

export type ShareCheck = { ok: true; grant: ShareGrant } | { ok: false; reason: string };

export function createShareLinks(deps: { secret: string; links: ShareLinkStore; clock: () => Date }) {
  const { secret, links, clock } = deps;
  const sign = (payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

  return {
    async create(input: {
      ijb: string;
      days: number;
      by: string;
    }): Promise<{ token: string; grant: ShareGrant }> {
      const id = randomBytes(8).toString('hex');
      const now = clock();
      const expiresAt = new Date(now.getTime() + input.days * 86_400_000);
      const payload = `${id}.${input.ijb}.${Math.floor(expiresAt.getTime() / 1000)}`;
      await links.create({
        id,
        ijb: input.ijb,
        expiresAt: expiresAt.toISOString(),
        createdAt: now.toISOString(),
        createdBy: input.by,
      });
      return { token: `${payload}.${sign(payload)}`, grant: { id, ijb: input.ijb, expiresAt } };
    },

    async check(token: string | undefined): Promise<ShareCheck> {
      const parts = token?.split('.') ?? [];
      if (parts.length !== 4) return { ok: false, reason: 'This is not a share link of this register.' };
      const [id = '', ijb = '', expires = '', signature = ''] = parts;
      const expected = Buffer.from(sign(`${id}.${ijb}.${expires}`));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return { ok: false, reason: 'This share link is not valid: ask your IJB admin for a new one.' };
      }
      const expiresAt = new Date(Number(expires) * 1000);
      if (!(expiresAt > clock())) {
        return {
          ok: false,
          reason: `This share link expired on ${expiresAt.toUTCString()}: ask your IJB admin for a new one.`,
        };
      }
      const record = await links.get(id);
      if (!record || record.revokedAt) {
        return { ok: false, reason: 'This share link was revoked: ask your IJB admin for a new one.' };
      }
      return { ok: true, grant: { id, ijb, expiresAt } };
    },

    revoke: (id: string) => links.revoke(id, clock().toISOString()),
  };
}

export type ShareLinks = ReturnType<typeof createShareLinks>;
