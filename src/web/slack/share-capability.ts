import type { AdminDirectory } from '../../access/admins';
import type { SlackCapability } from '../../slack/capability';
import type { Reply } from '../../slack/renderers/blocks';
import type { ShareLinks } from '../share-links';

/** What Slack needs to hand out links to the web register. */
export interface WebShareDeps {
  shareLinks: ShareLinks;
  /** Where the web register is served: http://localhost:3000 locally, the Function URL on AWS. */
  publicUrl: string;
  admins: AdminDirectory;
  defaultIjbId: string;
}

const USAGE = 'Try `/direction share web 30 days` (1 to 365 days).';

function reply(text: string): Reply {
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }], visibility: 'private' };
}

/** `share web <n> days`, as typed after /direction share: the number of days, or why not. */
export function parseShareText(text: string): { days: number } | { problem: string } {
  const match = /^web(?:\s+(\d{1,3})\s*(?:days?|d)?)?$/i.exec(text.replace(/\s+/g, ' ').trim());
  if (!match) return { problem: `I can share the web register. ${USAGE}` };
  const days = match[1] ? Number(match[1]) : 30;
  if (days < 1 || days > 365) return { problem: `A link lasts 1 to 365 days. ${USAGE}` };
  return { days };
}

/**
 * `/direction share web 30 days`: an IJB admin makes a signed, expiring, read-only link to
 * the IJB's web register for board members and auditors without Slack. Shown only to the
 * admin (it is a credential); revocable by its id.
 */
export function createWebShareCapability(deps: WebShareDeps): SlackCapability {
  return {
    subcommands: [
      {
        names: ['share'],
        help: [
          [
            '/direction share web 30 days',
            'A read-only link to the web register for people without Slack (admins)',
          ],
        ],
        async handle(request) {
          const parsed = parseShareText(request.text);
          if ('problem' in parsed) return reply(parsed.problem);
          const ijbId = deps.defaultIjbId;
          if (!(await deps.admins.isAdmin(ijbId, request.userId))) {
            return reply('Only IJB admins can share the web register. Ask one of them for a link.');
          }
          const { token, grant } = await deps.shareLinks.create({
            ijb: ijbId,
            days: parsed.days,
            by: request.userId,
          });
          const url = `${deps.publicUrl.replace(/\/$/, '')}/share/${token}`;
          return reply(
            `Here is a read-only link to the ${ijbId} register, valid for ${parsed.days} day${parsed.days === 1 ? '' : 's'} (until ${grant.expiresAt.toUTCString()}). Anyone with it can read the register: send it only to the people who need it.\n${url}\nLink id \`${grant.id}\` (to revoke it).`,
          );
        },
      },
    ],
  };
}
