import {
  type DirectionKey,
  type ProgressUpdate,
  proposalOf,
  type UpdateContent,
  withinCorrectionWindow,
} from '../domain/progress-update';
import type { UpdateStore } from '../store/update-store';
import type { UpdateService } from './update-service';

export type CorrectionResult =
  | { ok: true; update: ProgressUpdate }
  | { ok: false; reason: string; update?: ProgressUpdate };

export interface CorrectionDeps {
  updates: UpdateStore;
  service: UpdateService;
  clock: () => Date;
}

/**
 * Edit or undo your own update within 15 minutes of saving it. After that the update is part
 * of the record: a correction is a new update. Edits keep the earlier wording as a revision.
 */
export function createCorrections({ updates, service, clock }: CorrectionDeps) {
  /** Why `userId` may not correct this update now, or undefined when they may. */
  const refusal = (update: ProgressUpdate | undefined, userId: string, verb: string): string | undefined => {
    if (!update) return 'That update is no longer in the register.';
    if (update.by !== userId) return `Only <@${update.by}>, who posted it, can ${verb} that update.`;
    if (update.withdrawn) return `That update to ${update.ref} was already undone.`;
    if (update.signOff && update.signOff.state !== 'pending' && proposalOf(update.status)) {
      return `That update to ${update.ref} has been signed off already, so it is part of the record. Post a new update to correct it.`;
    }
    if (!withinCorrectionWindow(update, clock())) {
      return `It is more than 15 minutes since you saved that update to ${update.ref}, so it is part of the record now. Post a new update to correct it: \`/direction update ${update.ref}\`.`;
    }
    return undefined;
  };

  return {
    /** Whether the form may be opened to edit it (checked again on submit). */
    async editable(key: DirectionKey, id: string, userId: string): Promise<CorrectionResult> {
      const update = await updates.get(key, id);
      const reason = refusal(update, userId, 'edit');
      return reason || !update ? { ok: false, reason: reason ?? '' } : { ok: true, update };
    },

    async undo(key: DirectionKey, id: string, userId: string): Promise<CorrectionResult> {
      const update = await updates.get(key, id);
      const reason = refusal(update, userId, 'undo');
      if (reason || !update) return { ok: false, reason: reason ?? '', ...(update ? { update } : {}) };
      const withdrawn = { ...update, withdrawn: { at: clock().toISOString(), by: userId } };
      if (!(await updates.withdraw(update, withdrawn.withdrawn.at))) {
        return {
          ok: false,
          reason: refusal(await updates.get(key, id), userId, 'undo') ?? 'That update changed meanwhile.',
        };
      }
      await service.rebuild(key, [{ kind: 'update', update: withdrawn }]);
      await service.publish({ ...key, id, event: 'withdrawn' });
      return { ok: true, update: withdrawn };
    },

    async edit(
      key: DirectionKey,
      id: string,
      userId: string,
      content: UpdateContent,
      editKey: string,
    ): Promise<CorrectionResult> {
      const update = await updates.get(key, id);
      if (update?.editKey === editKey) return { ok: true, update };
      const reason = refusal(update, userId, 'edit');
      if (reason || !update) return { ok: false, reason: reason ?? '' };
      const revised = await updates.revise(update, content, clock().toISOString(), editKey);
      if (revised === 'conflict') {
        return {
          ok: false,
          reason: `That update to ${update.ref} changed while you were editing it. Open it again to see the latest wording.`,
        };
      }
      let result = revised;
      if (proposalOf(revised.status) && !revised.signOff) {
        result = { ...revised, signOff: { state: 'pending' } };
        await updates.setSignOff(key, id, { state: 'pending' });
      }
      await service.rebuild(key, [{ kind: 'update', update: result }]);
      await service.publish({ ...key, id, event: 'edited' });
      return { ok: true, update: result };
    },
  };
}

export type Corrections = ReturnType<typeof createCorrections>;
