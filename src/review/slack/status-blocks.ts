import { refKey } from '../../domain/direction';
import { formatDay } from '../../domain/local-date';
import type { RoundDecline } from '../../domain/round-decline';
import {
  type Block,
  button,
  context,
  escapeMrkdwn,
  type Reply,
  sections,
} from '../../slack/renderers/blocks';
import type { OwedReturn } from '../chases';
import type { RoundStatus } from '../review-service';
import { REVIEW_ACTIONS } from './ask-blocks';

/** Recipients shown with a [Chase] button; the rest are listed in the text. */
const CHASE_ROWS = 30;

const who = (recipient: string) =>
  /^[UW][A-Z0-9]+$/.test(recipient)
    ? `<@${recipient}>`
    : /^[CG][A-Z0-9]+$/.test(recipient)
      ? `<#${recipient}>`
      : escapeMrkdwn(recipient);

/**
 * `/direction review status`: the counts per body and theme, then each recipient who still
 * owes a return with a [Chase] button (a DM now, at most one a day), and the declines.
 */
export function renderStatus(
  status: RoundStatus,
  owed: Map<string, OwedReturn[]>,
  declines: readonly RoundDecline[],
): Reply {
  const counts = (rows: RoundStatus['byBody']) =>
    rows
      .map((row) => `  ${escapeMrkdwn(row.name)}: ${row.returned} returned, ${row.outstanding} outstanding`)
      .join('\n');
  const { round } = status;
  const head = `"${round.name}", closing ${formatDay(round.closes)}: ${status.returned} returned, ${status.outstanding} outstanding.`;
  const blocks: Block[] = [
    ...sections(
      [
        `*${escapeMrkdwn(head)}*`,
        `By body:\n${counts(status.byBody)}`,
        `By theme:\n${counts(status.byTheme)}`,
      ].join('\n\n'),
    ),
  ];
  const recipients = [...owed.keys()].sort();
  for (const recipient of recipients.slice(0, CHASE_ROWS)) {
    const refs = (owed.get(recipient) ?? []).map((item) => escapeMrkdwn(item.direction.ref)).join(', ');
    const value = JSON.stringify({ ijbId: round.ijbId, roundId: round.id, recipient });
    blocks.push(...sections(`${who(recipient)} owes ${refs}`, button('Chase', REVIEW_ACTIONS.chase, value)));
  }
  if (recipients.length > CHASE_ROWS)
    blocks.push(context(`…and ${recipients.length - CHASE_ROWS} more people owe a return.`));
  const owedRefs = new Set([...owed.values()].flat().map((item) => refKey(item.direction.ref)));
  const unowned = [...new Set(status.owing.flatMap((row) => row.refs))].filter(
    (ref) => !owedRefs.has(refKey(ref)),
  );
  if (unowned.length)
    blocks.push(...sections(`No lead or channel to chase: ${unowned.map(escapeMrkdwn).join(', ')}`));
  if (declines.length)
    blocks.push(
      ...sections(
        `Declined (still outstanding):\n${[...declines]
          .sort((a, b) => refKey(a.ref).localeCompare(refKey(b.ref), 'en', { numeric: true }))
          .map((d) => `  ${escapeMrkdwn(d.ref)}: declined by ${who(d.by)} — ${escapeMrkdwn(d.reason)}`)
          .join('\n')}`,
      ),
    );
  // The notification text says it all too, for screen readers and previews.
  const owing = [
    ...recipients.map(
      (recipient) =>
        `${who(recipient)}: ${(owed.get(recipient) ?? []).map((i) => i.direction.ref).join(', ')}`,
    ),
    ...(unowned.length ? [`no lead: ${unowned.join(', ')}`] : []),
    ...declines.map((d) => `${d.ref} declined by ${who(d.by)}`),
  ];
  return {
    text: `${head}${owing.length ? ` Outstanding: ${owing.join('; ')}.` : ''}`,
    blocks: blocks.slice(0, 50),
    visibility: 'private',
  };
}
