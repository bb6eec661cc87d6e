import { issuedToText } from '../../domain/ijb';
import type { DirectionView, Scope } from '../../lookup/views';
import { ACTIONS, buttonValue } from '../action-ids';
import {
  actions,
  type Block,
  button,
  context,
  escapeMrkdwn,
  fields,
  header,
  type Reply,
  sections,
} from './blocks';
import { milestoneBlocks, paperFields, paperNotes, standingBlocks } from './direction-paper';
import { deadlinesText, pendingProposalText, shortDate, statusText, users } from './format';

/**
 * The direction card: everything an officer needs to answer "what does 5.1 ask of us,
 * and by when?", with the next actions as buttons. Used for command replies, shares
 * and (later) nudges and the App Home.
 */
export function renderDirectionCard(
  scope: Scope,
  view: DirectionView,
  visibility: Reply['visibility'],
): Reply {
  const { direction } = view;
  const { ijb } = scope;
  const value = buttonValue({ ijbId: ijb.id, planYear: direction.planYear, ref: direction.ref });
  const latest = direction.latestUpdate;
  const latestText = latest
    ? `*Latest update* · ${shortDate(latest.at)} · <@${latest.by}>${view.latestFor ? ` for ${escapeMrkdwn(view.latestFor)}` : ''} · ${statusText(latest.status)}\n${quote(latest.text)}`
    : '*Latest update*\nNo updates yet.';

  const blocks: Block[] = [
    header(`${direction.ref} · ${direction.theme.name}`),
    context(
      [
        escapeMrkdwn(ijb.name),
        `Directions ${direction.planYear}`,
        ...(direction.title ? [escapeMrkdwn(direction.title)] : []),
        ...paperNotes(direction),
      ].join(' · '),
    ),
    ...standingBlocks(direction),
    ...sections(escapeMrkdwn(direction.text)),
    ...fields([
      `*Issued to*\n${escapeMrkdwn(issuedToText(ijb, direction.issuedTo))}`,
      `*Deadline*\n${deadlinesText(view.deadlines)}`,
      `*Status*\n${[statusText(direction.status), ...bodyLines(view), pendingProposalText(view.pendingSignOff)].filter(Boolean).join('\n')}`,
      `*Lead*\n${direction.leads.length > 0 ? users(direction.leads) : 'Not assigned yet'}`,
      ...(direction.channel ? [`*Team channel*\n<#${direction.channel}>`] : []),
      ...paperFields(direction),
    ]),
    ...milestoneBlocks(view.milestones),
    ...sections(latestText),
    actions(`direction:${direction.ref}`, [
      button('Update progress', ACTIONS.update, value, 'primary'),
      button('History', ACTIONS.history, value),
      ...(visibility === 'private' ? [button('Share in channel', ACTIONS.share, value)] : []),
    ]),
  ];
  const due = view.deadlines.map((d) => d.deadline.asWritten).join('; ') || 'no deadline';
  return { text: `${direction.ref} · ${direction.theme.name} (${due})`, blocks, visibility };
}

function quote(text: string): string {
  return escapeMrkdwn(text)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/** Each partner's status when they differ: the direction's is the worse until both agree. */
function bodyLines(view: DirectionView): string[] {
  return (view.bodies ?? []).map((entry) => `${escapeMrkdwn(entry.name)}: ${statusText(entry.status)}`);
}
