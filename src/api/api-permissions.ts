import { scopeAllows } from '../domain/api-access';
import { isOpen, STATUS_LABELS } from '../domain/direction';
import type { Permissions } from '../updates/permissions';
import type { ApiGrant } from './api-keys';

/** The Slack user an API key stands in for, in an update's `by`. */
export function apiUserOf(grant: ApiGrant): string {
  return `api:${grant.keyId}`;
}

/**
 * The update service's rights, for a request made with an API key: the key's scope and IJB
 * stand in for the Slack user. `write` is a lead of every direction of its IJB; reopening a
 * closed (achieved or retired) direction needs `admin`, as it needs an IJB admin in Slack.
 * Achieved and Retired are still proposals that an IJB admin signs off in Slack.
 */
export function apiPermissions(grant: ApiGrant): Permissions {
  const mine = (ijbId: string) => grant.ijb === '*' || grant.ijb === ijbId;
  return {
    async mayUpdate(direction) {
      if (!mine(direction.ijbId) || !scopeAllows(grant.scope, 'write')) {
        return { ok: false, reason: `The key “${grant.name}” may not update ${direction.ijbId} directions.` };
      }
      if (!isOpen(direction.status)) {
        return scopeAllows(grant.scope, 'admin')
          ? { ok: true, as: 'admin' }
          : {
              ok: false,
              reason: `${direction.ref} is ${STATUS_LABELS[direction.status]}, signed off by an IJB admin: only a key with scope admin can reopen it with a new update.`,
            };
      }
      return { ok: true, as: scopeAllows(grant.scope, 'admin') ? 'admin' : 'lead' };
    },
    async isAdmin(ijbId) {
      return mine(ijbId) && scopeAllows(grant.scope, 'admin');
    },
    async adminOnly(_ijbId, what) {
      return `Only a key with scope admin can ${what}.`;
    },
  };
}
