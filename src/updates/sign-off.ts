import type { AdminDirectory } from '../access/admins';
import { formatDay, londonDay } from '../domain/local-date';
import {
  type DirectionKey,
  type ProgressUpdate,
  proposalOf,
  type SignOffDecision,
} from '../domain/progress-update';
import type { UpdateStore } from '../store/update-store';
import type { Permissions } from './permissions';
import type { UpdateService } from './update-service';

export type DecisionResult = { ok: true; decision: SignOffDecision } | { ok: false; reason: string };
export type DeciderCheck = { ok: true; update: ProgressUpdate } | { ok: false; reason: string };

export interface SignOffDeps {
  updates: UpdateStore;
  service: UpdateService;
  permissions: Permissions;
  admins: AdminDirectory;
  clock: () => Date;
}

/** The command that fixes an IJB with one admin, which cannot sign off its own proposals. */
export const ADD_SECOND_ADMIN = '/direction admins add @colleague';

/**
 * Four eyes: who else could decide a proposal by `proposerId`. Said to the proposer when they try
 * to decide it themselves, and when no one else could be asked.
 */
export function secondPersonNeeded(ref: string, proposerId: string, admins: readonly string[]): string {
  const others = admins.filter((id) => id !== proposerId);
  if (others.length > 0)
    return `You proposed this for ${ref}, so someone else must sign it off: ask ${others.map((id) => `<@${id}>`).join(' or ')}.`;
  return admins.includes(proposerId)
    ? `You proposed this for ${ref}, so someone else must sign it off, and you are this IJB's only admin. Add a second admin with \`${ADD_SECOND_ADMIN}\`.`
    : `No IJB admin other than the proposer can sign off ${ref}. Ask an admin to add one with \`${ADD_SECOND_ADMIN}\`.`;
}

/**
 * "Achieved" and "Retire" are proposals until an IJB admin approves them; only then does the
 * direction's status change and its deadlines stop being chased. Sending back keeps the status
 * and tells the lead why. Each proposal gets one decision, recorded with who and when, by an
 * admin of the direction's own IJB who is not its proposer (PRODUCT.md: four eyes).
 */
export function createSignOff({ updates, service, permissions, admins, clock }: SignOffDeps) {
  /** Whether `userId` may decide this proposal: an admin of its IJB, not the one who proposed it. */
  const mayDecide = async (key: DirectionKey, updateId: string, userId: string): Promise<DeciderCheck> => {
    if (!(await permissions.isAdmin(key.ijbId, userId))) {
      return {
        ok: false,
        reason: await permissions.adminOnly(key.ijbId, 'sign off a direction as achieved or retired'),
      };
    }
    const update = await updates.get(key, updateId);
    if (!update || !proposalOf(update.status)) {
      return {
        ok: false,
        reason: `That proposal for ${key.ref} is no longer in the register (its author may have edited it).`,
      };
    }
    if (update.withdrawn)
      return { ok: false, reason: `<@${update.by}> withdrew that proposal for ${key.ref}.` };
    if (update.by === userId)
      return { ok: false, reason: secondPersonNeeded(key.ref, userId, await admins.list(key.ijbId)) };
    return { ok: true, update };
  };

  return {
    mayDecide,

    async decide(
      key: DirectionKey,
      updateId: string,
      adminId: string,
      outcome: SignOffDecision['outcome'],
      reason?: string,
    ): Promise<DecisionResult> {
      const checked = await mayDecide(key, updateId, adminId);
      if (!checked.ok) return checked;
      const { update } = checked;
      const proposal = proposalOf(update.status) ?? 'achieved';
      const decision: SignOffDecision = {
        ...key,
        updateId,
        at: clock().toISOString(),
        by: adminId,
        proposal,
        outcome,
        proposedBy: update.by,
        ...(reason ? { reason } : {}),
        ...(update.body ? { body: update.body } : {}),
      };
      const recorded = await updates.decide(decision);
      if (!recorded.created) {
        const earlier = recorded.existing;
        return {
          ok: false,
          reason: `<@${earlier.by}> already ${earlier.outcome === 'approved' ? 'approved' : 'sent back'} that proposal for ${key.ref} on ${formatDay(londonDay(new Date(earlier.at)))}.`,
        };
      }
      const signOff = { state: outcome, by: adminId, at: decision.at, ...(reason ? { reason } : {}) };
      await updates.setSignOff(key, updateId, signOff);
      await service.rebuild(key, [
        { kind: 'update', update: { ...update, signOff } },
        { kind: 'decision', decision },
      ]);
      await service.publish({ ...key, id: updateId, event: 'decided' });
      return { ok: true, decision };
    },
  };
}

export type SignOffService = ReturnType<typeof createSignOff>;
