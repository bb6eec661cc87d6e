import type { LinkSharedEvent } from '@slack/types';
import { DirectionRefSchema } from '../../domain/direction';
import { type Ijb, recipientName } from '../../domain/ijb';
import { createLookupService } from '../../lookup/lookup-service';
import type { DirectionView } from '../../lookup/views';
import type { CapabilityDeps, SlackCapability } from '../../slack/capability';
import { type Block, clip, context, escapeMrkdwn } from '../../slack/renderers/blocks';
import { deadlinesText, statusText } from '../../slack/renderers/format';

/** The web register's direction pages: /ijbs/<ijb>/years/<year>/directions/<ref>. */
const DIRECTION_PATH =
  /^\/ijbs\/([a-z][a-z0-9-]{2,40})\/years\/(\d{4}-\d{2})\/directions\/([^/?#]{1,40})\/?$/;

export interface DirectionLink {
  url: string;
  ijb: string;
  year: string;
  ref: string;
}

/** A link to one of the web register's direction pages on `publicUrl`'s host, or undefined. */
export function directionLinkOf(url: string, publicUrl: string): DirectionLink | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.host !== new URL(publicUrl).host) return undefined;
  const match = DIRECTION_PATH.exec(parsed.pathname);
  const ref = DirectionRefSchema.safeParse(decodeURIComponent(match?.[3] ?? ''));
  if (!match || !ref.success) return undefined;
  return { url, ijb: match[1] as string, year: match[2] as string, ref: ref.data };
}

/**
 * Who may see a card, in a channel: a link unfurls only when it names the IJB this workspace
 * serves (DIRECTIONS_IJB: the register every member reads with /direction), and only in a
 * channel that is not shared with another organisation (Slack Connect), whose members are not
 * the workspace's. Any other link stays a plain link: its page asks for a share link anyway.
 */
export function mayUnfurl(
  link: DirectionLink,
  channel: { ijbId: string; externallyShared: boolean },
): boolean {
  return link.ijb === channel.ijbId && !channel.externallyShared;
}

/** The compact card: ref and title as a link, status, deadline, to whom. No people named. */
export function renderUnfurl(link: DirectionLink, view: DirectionView, ijb: Ijb): Block[] {
  const { direction } = view;
  const title = clip(direction.title ?? direction.text.split('\n')[0] ?? '', 140);
  return [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*<${link.url}|${escapeMrkdwn(`${direction.ref} ${title}`)}>*\n${statusText(direction.status)} · ${deadlinesText(view.deadlines).split('\n')[0]}`,
      },
    },
    context(
      escapeMrkdwn(
        `To ${direction.issuedTo.map((recipient) => recipientName(ijb, recipient)).join(' and ')} · ${direction.theme.name} · ${ijb.shortName} ${link.year}`,
      ),
    ),
  ];
}

/**
 * Slack unfurls links to the web register's direction pages into a compact card: Slack sends
 * link_shared for the domains in the manifest's unfurl_domains (links:read), the bot answers
 * chat.unfurl (links:write). https://docs.slack.dev/messaging/unfurling-links-in-messages
 */
export function createUnfurlCapability(deps: CapabilityDeps & { publicUrl: string }): SlackCapability {
  const lookup = createLookupService({
    store: deps.store,
    clock: deps.clock,
    defaultIjbId: deps.defaultIjbId,
  });
  const cardFor = async (link: DirectionLink): Promise<Block[] | undefined> => {
    const scope = await lookup.scope({ ijbId: link.ijb, planYear: link.year });
    if (!scope.ok) return undefined;
    const shown = await lookup.show(scope.scope, link.ref);
    if (shown.kind !== 'found') return undefined;
    return renderUnfurl(link, shown.view, scope.scope.ijb);
  };

  return {
    register(app) {
      app.event('link_shared', async ({ event, body, client }) => {
        const shared = event as LinkSharedEvent;
        const channel = {
          ijbId: deps.defaultIjbId,
          externallyShared: (body as { is_ext_shared_channel?: boolean }).is_ext_shared_channel === true,
        };
        const links = shared.links
          .map((link) => directionLinkOf(link.url, deps.publicUrl))
          .filter((link): link is DirectionLink => link !== undefined && mayUnfurl(link, channel));
        const unfurls: Record<string, { blocks: Block[] }> = {};
        for (const link of links.slice(0, 5)) {
          const blocks = await cardFor(link);
          if (blocks) unfurls[link.url] = { blocks };
        }
        if (Object.keys(unfurls).length === 0) return;
        // A link still in the composer has an unfurl_id and source; a posted one its channel and ts.
        const target =
          shared.unfurl_id && shared.source
            ? { unfurl_id: shared.unfurl_id, source: shared.source as 'composer' | 'conversations_history' }
            : { channel: shared.channel, ts: shared.message_ts };
        try {
          await client.chat.unfurl({ ...target, unfurls });
        } catch (error) {
          deps.log?.(`chat.unfurl in ${shared.channel} failed`, error);
        }
      });
    },
  };
}
