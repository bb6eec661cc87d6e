import type { Direction } from '../../../domain/direction';
import { type Ijb, issuedToText, recipientName } from '../../../domain/ijb';
import { context, escapeMrkdwn, type Reply, sections } from '../../../slack/renderers/blocks';
import { users } from '../../../slack/renderers/format';

/** What `/direction assign` changed. */
export function renderAssigned(
  before: Direction,
  after: Direction,
  partners?: { ijb: Ijb; unknownBodies: readonly string[] },
): Reply {
  const named = (id: string) => {
    const body = partners && after.leadBodies?.[id];
    return body && partners
      ? `<@${id}> (for ${escapeMrkdwn(recipientName(partners.ijb, body))})`
      : `<@${id}>`;
  };
  const leads = after.leads.length > 0 ? after.leads.map(named).join(', ') : 'none';
  const lines = [
    `:white_check_mark: *${escapeMrkdwn(after.ref)}* · lead${after.leads.length === 1 ? '' : 's'}: ${leads}${sameList(before.leads, after.leads) ? ' (unchanged)' : ''}`,
    `Team channel: ${after.channel ? `<#${after.channel}>` : 'none'}${before.channel === after.channel ? ' (unchanged)' : ''}`,
  ];
  const note =
    after.channel && after.channel !== before.channel
      ? `I will post ${after.ref}'s status card in <#${after.channel}> and keep it up to date (invite me there if I am not in it).`
      : 'Leads, members of the team channel and IJB admins can post updates.';
  // A direction answered by both partners: ask which body a lead answers for (ASSIGN_BODY_EXAMPLE).
  const ask =
    partners && partners.unknownBodies.length > 0
      ? [
          context(
            `Which partner does ${partners.unknownBodies.map((id) => `<@${id}>`).join(', ')} answer for? ${escapeMrkdwn(after.ref)} is issued to ${escapeMrkdwn(issuedToText(partners.ijb, after.issuedTo))}: \`/direction assign ${escapeMrkdwn(after.ref)} @lead for ${escapeMrkdwn(recipientName(partners.ijb, after.issuedTo[0] ?? 'health-board'))}\`. Until then their updates ask on whose behalf.`,
          ),
        ]
      : [];
  return {
    text: `Assigned ${after.ref}`,
    blocks: [...sections(lines.join('\n')), context(note), ...ask],
    visibility: 'private',
  };
}

function listAdmins(admins: readonly string[], ijbName: string): Reply {
  const text =
    admins.length > 0
      ? `IJB admins of ${escapeMrkdwn(ijbName)}: ${users(admins)}`
      : `${escapeMrkdwn(ijbName)} has no IJB admin yet: set DIRECTIONS_ADMINS.`;
  return {
    text: text.replace(/<@([A-Z0-9]+)>/g, '@$1'),
    blocks: [
      ...sections(text),
      context(
        'Admins assign leads, sign off achieved and retired directions, and add or remove admins: `/direction admins add @user`, `/direction admins remove @user`.',
      ),
    ],
    visibility: 'private',
  };
}

/** An IJB with one admin cannot sign off that admin's own proposals: say so where admins are listed. */
export function renderAdmins(admins: readonly string[], ijbName: string): Reply {
  const reply = listAdmins(admins, ijbName);
  if (admins.length !== 1) return reply;
  return {
    ...reply,
    blocks: [
      ...reply.blocks,
      context(
        'With one admin, that admin’s own proposals of Achieved or Retire cannot be signed off: add a second with `/direction admins add @colleague`.',
      ),
    ],
  };
}

export function renderAdminRemoved(userId: string, ijbName: string): Reply {
  const text = `<@${userId}> is no longer an IJB admin of ${escapeMrkdwn(ijbName)}.`;
  return { text: 'Removed an IJB admin', blocks: sections(text), visibility: 'private' };
}

export function renderAdminAdded(userId: string, ijbName: string): Reply {
  const text = `:white_check_mark: <@${userId}> is now an IJB admin of ${escapeMrkdwn(ijbName)}.`;
  return { text: `Added an IJB admin`, blocks: sections(text), visibility: 'private' };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
