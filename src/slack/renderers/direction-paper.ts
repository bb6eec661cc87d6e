import { changeLines, lifecycleFromRegister } from '../../changes/views';
import type { Direction, LifecycleState } from '../../domain/direction';
import type { MilestoneView } from '../../lookup/views';
import { type Block, clip, context, escapeMrkdwn, mrkdwnLink, sections } from './blocks';
import { deadlineText } from './format';

const LIFECYCLE: Record<LifecycleState, string> = {
  'in-force': 'In force',
  varied: 'Varied',
  revoked: 'Revoked',
  superseded: 'Superseded',
  retired: 'Retired',
  achieved: 'Achieved',
};

const MARKERS = {
  new: 'New direction',
  revised: 'Revised',
  continuing: 'Continuing',
  updated: 'Updated',
} as const;

const links = (list: Direction['supersedes']) =>
  (list ?? []).map((link) => `${escapeMrkdwn(link.ref)} (${link.planYear})`).join(', ');

/**
 * What the papers say of a direction beyond its text: where it stands in law (the outcome
 * tables), what it replaces or was replaced by, whether the latest paper still has it.
 */
export function standingBlocks(direction: Direction): Block[] {
  const lines: string[] = [];
  const { lifecycle } = direction;
  for (const change of changeLines(direction)) {
    const icon = change.closes ? ':no_entry_sign:' : change.kind === 'varied' ? ':pencil2:' : ':scroll:';
    const link = change.link ? ` ${mrkdwnLink(change.link)}` : '';
    lines.push(
      `${icon} *${escapeMrkdwn(change.text)}*${link}.${change.closes ? ' No longer chased: not due, not nudged.' : ''}`,
    );
  }
  if (lifecycle && lifecycle.state !== 'in-force' && !lifecycleFromRegister(direction)) {
    const icon = lifecycle.state === 'varied' ? ':pencil2:' : ':no_entry_sign:';
    const said = lifecycle.outcome ? `: “${escapeMrkdwn(lifecycle.outcome)}”` : '';
    const where = lifecycle.decidedIn ? ` (${lifecycle.decidedIn.planYear} outcome table)` : '';
    const chased = lifecycle.state === 'varied' ? '' : ' No longer chased: not due, not nudged.';
    lines.push(`${icon} *${LIFECYCLE[lifecycle.state]}*${said}${where}.${chased}`);
  }
  if (direction.supersededBy?.length)
    lines.push(`:arrow_right: Replaced by ${links(direction.supersededBy)}.`);
  if (direction.notInPaper) {
    lines.push(
      `:warning: Not in the paper imported on ${direction.notInPaper.since.slice(0, 10)}: kept with its history, not deleted.`,
    );
  }
  return lines.length > 0 ? sections(lines.join('\n')) : [];
}

/** The context line's extras: the paper's marker, what it replaces, the outcome while in force. */
export function paperNotes(direction: Direction): string[] {
  return [
    ...(direction.marker ? [MARKERS[direction.marker]] : []),
    ...(direction.supersedes?.length ? [`replaces ${links(direction.supersedes)}`] : []),
    ...(direction.lifecycle?.state === 'in-force' && direction.lifecycle.outcome
      ? [
          `${direction.lifecycle.decidedIn?.planYear ?? 'later'} outcome: ${escapeMrkdwn(direction.lifecycle.outcome)}`,
        ]
      : []),
  ];
}

/** East Lothian's columns: budget line, delegated functions, oversight, link. */
export function paperFields(direction: Direction): string[] {
  return [
    ...(direction.theme.budget
      ? [
          `*Budget (${escapeMrkdwn(direction.theme.name)})*\n£${direction.theme.budget.thousands.toLocaleString('en-GB')}k`,
        ]
      : []),
    ...(direction.functions?.length
      ? [`*Delegated functions*\n${clip(direction.functions.map(escapeMrkdwn).join('; '), 600)}`]
      : []),
    ...(direction.oversight ? [`*Oversight*\n${clip(escapeMrkdwn(direction.oversight), 600)}`] : []),
    ...(direction.link ? [`*Link*\n${clip(escapeMrkdwn(direction.link), 300)}`] : []),
  ];
}

const SHOWN = 5;

/** The delivery plan's key actions for this direction, soonest first. */
export function milestoneBlocks(milestones: readonly MilestoneView[] | undefined): Block[] {
  if (!milestones || milestones.length === 0) return [];
  const lines = milestones.slice(0, SHOWN).map(({ milestone, due }) => {
    const when = due ? deadlineText(due) : escapeMrkdwn(milestone.timeframe.asWritten || 'no timeframe');
    const kpi = milestone.kpi ? `\n   KPI: ${clip(escapeMrkdwn(milestone.kpi), 200)}` : '';
    return `• ${clip(escapeMrkdwn(milestone.action), 300)} — ${when}${kpi}`;
  });
  const more =
    milestones.length > SHOWN
      ? [context(`…and ${milestones.length - SHOWN} more in the delivery plan.`)]
      : [];
  return [
    ...sections(
      `*Delivery plan* · ${milestones.length} key action${milestones.length === 1 ? '' : 's'}\n${lines.join('\n')}`,
    ),
    ...more,
  ];
}
