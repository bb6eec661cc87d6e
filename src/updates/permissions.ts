import type { AdminDirectory } from '../access/admins';
import { type Direction, isOpen, STATUS_LABELS } from '../domain/direction';

/** Whether a person is in a direction's team channel; Slack answers it (slack/channel-membership.ts). */
export interface ChannelMembership {
  isMember(channel: string, userId: string): Promise<boolean | 'unknown'>;
}

export type UpdateRight =
  | { ok: true; as: 'lead' | 'admin' | 'member' }
  | { ok: false; reason: string }
  /** Only Slack can tell (is the person in the team channel?) and the caller chose not to ask yet. */
  | { ok: 'ask-slack' };

export interface Permissions {
  /**
   * Who may update a direction: its leads, members of its team channel, and IJB admins.
   * A closed (achieved or retired) direction only an admin may reopen. `fromChannel` is where
   * the person typed the request (a message, a slash command): typing there proves membership
   * without asking Slack. Never pass the channel of a click or a form: anyone may open a public
   * channel and press its buttons, so those are asked of Slack (conversations.members, cached).
   * Admins are admins of the direction's own IJB only.
   */
  mayUpdate(
    direction: Direction,
    userId: string,
    fromChannel?: string,
    options?: { askSlack?: boolean },
  ): Promise<UpdateRight>;
  isAdmin(ijbId: string, userId: string): Promise<boolean>;
  /** Why someone may not do an admin's job, and who can. */
  adminOnly(ijbId: string, what: string): Promise<string>;
}

export function createPermissions(admins: AdminDirectory, membership: ChannelMembership): Permissions {
  const adminNames = async (ijbId: string) => {
    const list = await admins.list(ijbId);
    return list.length > 0 ? list.map((id) => `<@${id}>`).join(', ') : 'your IJB planning team';
  };

  const refusal = async (direction: Direction, checkFailed: boolean): Promise<string> => {
    const who = [
      direction.leads.length > 0
        ? `its lead${direction.leads.length > 1 ? 's' : ''} (${direction.leads.map((id) => `<@${id}>`).join(', ')})`
        : undefined,
      direction.channel ? `members of <#${direction.channel}>` : undefined,
      'IJB admins',
    ].filter(Boolean);
    const ask =
      direction.leads.length > 0
        ? `Ask ${direction.leads.map((id) => `<@${id}>`).join(' or ')} to post it, or an IJB admin (${await adminNames(direction.ijbId)}) to add you as a lead.`
        : `${direction.ref} has no lead yet: ask an IJB admin (${await adminNames(direction.ijbId)}) to assign one with \`/direction assign ${direction.ref} @lead #team-channel\`.`;
    const unsure =
      checkFailed && direction.channel
        ? ` I could not check whether you are in <#${direction.channel}> just now; if you are, try again from that channel.`
        : '';
    return `Only ${who.join(', ')} can update ${direction.ref}. ${ask}${unsure}`;
  };

  return {
    async mayUpdate(direction, userId, fromChannel, { askSlack = true } = {}) {
      const isLead = direction.leads.includes(userId);
      if (!isOpen(direction.status)) {
        if (await admins.isAdmin(direction.ijbId, userId)) return { ok: true, as: 'admin' };
        return {
          ok: false,
          reason: `${direction.ref} is ${STATUS_LABELS[direction.status]}, signed off by an IJB admin. Only an admin (${await adminNames(direction.ijbId)}) can reopen it with a new update.`,
        };
      }
      if (isLead) return { ok: true, as: 'lead' };
      if (await admins.isAdmin(direction.ijbId, userId)) return { ok: true, as: 'admin' };
      if (!direction.channel) return { ok: false, reason: await refusal(direction, false) };
      if (fromChannel === direction.channel) return { ok: true, as: 'member' };
      if (!askSlack) return { ok: 'ask-slack' };
      const member = await membership.isMember(direction.channel, userId);
      if (member === true) return { ok: true, as: 'member' };
      return { ok: false, reason: await refusal(direction, member === 'unknown') };
    },

    isAdmin: (ijbId, userId) => admins.isAdmin(ijbId, userId),

    async adminOnly(ijbId, what) {
      return `Only IJB admins can ${what}. Ask one of them: ${await adminNames(ijbId)}.`;
    },
  };
}
