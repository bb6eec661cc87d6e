import { type Ijb, recipientName } from '../../../domain/ijb';
import { formatDay } from '../../../domain/local-date';
import type { SubscriptionFilter } from '../../../domain/subscription';
import {
  type Block,
  context,
  escapeMrkdwn,
  header,
  type Reply,
  sections,
} from '../../../slack/renderers/blocks';
import { shortDate } from '../../../slack/renderers/format';
import { renderProblem } from '../../../slack/renderers/lists';
import { SUBSCRIBE_EXAMPLE } from '../../subscribe-command';
import type { ChannelFollowing, SubscriptionOutcome } from '../../subscriptions-service';

export function describeFilter(filter: SubscriptionFilter, ijb: Ijb): string {
  switch (filter.kind) {
    case 'all':
      return 'every direction';
    case 'theme':
      return `the theme *${escapeMrkdwn(filter.theme)}*`;
    case 'recipient':
      return `directions issued to ${escapeMrkdwn(recipientName(ijb, filter.recipient))}`;
    case 'direction':
      return `*${escapeMrkdwn(filter.ref)}* (${filter.planYear})`;
    case 'escalations':
      return 'escalations (directions overdue and silent)';
  }
}

function list(filters: readonly SubscriptionFilter[], ijb: Ijb): string {
  const names = filters.map((filter) => describeFilter(filter, ijb));
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export function followingText(following: ChannelFollowing): string {
  const { ijb } = following;
  const lines: string[] = [];
  if (following.teamRefs.length > 0) {
    lines.push(
      `• its own directions, as their team channel: ${following.teamRefs.map((r) => `*${escapeMrkdwn(r)}*`).join(', ')}`,
    );
  }
  for (const subscription of following.subscriptions) {
    lines.push(
      `• ${describeFilter(subscription.filter, ijb)} — subscribed by <@${subscription.by}> on ${shortDate(subscription.at)}`,
    );
  }
  if (following.escalationBySetting)
    lines.push(`• escalations, as ${escapeMrkdwn(ijb.shortName)}’s escalation channel (IJB settings)`);
  const heard =
    lines.length > 0
      ? `*This channel hears about*\n${lines.join('\n')}`
      : '*This channel hears about nothing yet*: no direction has it as its team channel, and it follows nothing.';
  const snoozed = following.snoozes.map(
    (s) => `• *${escapeMrkdwn(s.ref)}* until ${formatDay(s.until)} (snoozed by <@${s.by}>)`,
  );
  return snoozed.length > 0 ? `${heard}\n\n*Snoozed here*\n${snoozed.join('\n')}` : heard;
}

const HOW = 'Each working-day morning, one digest of what is due soon or overdue.';

export function renderSubscriptionOutcome(outcome: SubscriptionOutcome): Reply {
  switch (outcome.kind) {
    case 'problem':
      return renderProblem(outcome.problem, outcome.example);
    case 'usage':
    case 'following': {
      const blocks: Block[] = [
        header(
          `Reminders in this channel · ${outcome.following.ijb.shortName} ${outcome.following.planYear}`,
        ),
        ...sections(followingText(outcome.following)),
        context(
          `Follow more: \`${SUBSCRIBE_EXAMPLE}\`. Stop: \`/direction unsubscribe\` (all) or \`/direction unsubscribe theme carers\`. ${HOW}`,
        ),
      ];
      return { text: 'Reminders in this channel', blocks, visibility: 'private' };
    }
    case 'subscribed': {
      const what = list(outcome.filters, outcome.following.ijb);
      if (outcome.existed) {
        return {
          text: 'Already subscribed',
          blocks: [...sections(`This channel already follows ${what}.`), context(HOW)],
          visibility: 'private',
        };
      }
      const text = `:bell: <@${outcome.by}> subscribed this channel to reminders about ${what}. ${HOW}`;
      return {
        text: text.replace(/\*/g, ''),
        blocks: [
          ...sections(text),
          context(
            'In a private channel, invite the app (`/invite @directions`) or it cannot post here. `/direction subscriptions` lists what this channel follows; `/direction unsubscribe` stops it.',
          ),
        ],
        visibility: 'channel',
      };
    }
    case 'unsubscribed': {
      const { following } = outcome;
      const kept = [
        ...(following.teamRefs.length > 0
          ? [`Its own directions (${following.teamRefs.join(', ')}) still come here, as their team channel.`]
          : []),
        ...(outcome.keptEscalations ? ['Escalations still come here: only an IJB admin can stop them.'] : []),
      ].join(' ');
      if (outcome.removed.length === 0) {
        return {
          text: 'Nothing to unsubscribe',
          blocks: [
            ...sections(`This channel did not follow that.\n\n${followingText(following)}`),
            ...(kept ? [context(kept)] : []),
          ],
          visibility: 'private',
        };
      }
      const text = `:no_bell: <@${outcome.by}> stopped reminders here about ${list(
        outcome.removed.map((s) => s.filter),
        following.ijb,
      )}.`;
      return {
        text: text.replace(/\*/g, ''),
        blocks: [...sections(text), ...(kept ? [context(kept)] : [])],
        visibility: 'channel',
      };
    }
  }
}
