import { formatDay, londonDay } from '../domain/local-date';
import { type DirectionKey, proposalOf, type SignOffDecision } from '../domain/progress-update';
import type { UpdateStore } from '../store/update-store';
import type { Permissions } from './permissions';
import type { UpdateService } from './update-service';

export type DecisionResult = { ok: true; decision: SignOffDecision } | { ok: false; reason: string };

export interface SignOffDeps {
  updates: UpdateStore;
  service: UpdateService;
  permissions: Permissions;
  clock: () => Date;
}

/**
 * "Achieved" and "Retire" are proposals until an IJB admin approves them; only then does the
 * direction's status change and its deadlines stop being chased. Sending back keeps the status
 * and tells the lead why. Each proposal gets one decision, recorded with who and when.
 */
export function createSignOff({ updates, service, permissions, clock }: SignOffDeps) {
  return {
    async decide(
      key: DirectionKey,
      updateId: string,
      adminId: string,
      outcome: SignOffDecision['outcome'],
      reason?: string,
    ): Promise<DecisionResult> {
      if (!(await permissions.isAdmin(key.ijbId, adminId))) {
        return {
          ok: false,
          reason: await permissions.adminOnly(key.ijbId, 'sign off a direction as achieved or retired'),
        };
      }
      const update = await updates.get(key, updateId);
      const proposal = update && proposalOf(update.status);
      if (!update || !proposal) {
        return {
          ok: false,
          reason: `That proposal for ${key.ref} is no longer in the register (its author may have edited it).`,
        };
      }
      if (update.withdrawn)
        return { ok: false, reason: `<@${update.by}> withdrew that proposal for ${key.ref}.` };
      const decision: SignOffDecision = {
        ...key,
        updateId,
        at: clock().toISOString(),
        by: adminId,
        proposal,
        outcome,
        proposedBy: update.by,
        ...(reason ? { reason } : {}),
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
