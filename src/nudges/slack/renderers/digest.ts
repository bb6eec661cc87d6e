import { describeDeadline, plural } from '../../../domain/deadline';
import { compareRefs } from '../../../domain/direction';
import { formatDay, type LocalDate } from '../../../domain/local-date';
import { ACTIONS, buttonValue } from '../../../slack/action-ids';
import {
  actions,
  type Block,
  button,
  clip,
  context,
  escapeMrkdwn,
  header,
  LIMITS,
  sections,
  summary,
} from '../../../slack/renderers/blocks';
import { standingText, statusText, users } from '../../../slack/renderers/format';
import type { MilestoneKind } from '../../milestones';
import type { DigestDeadline, DigestLine } from '../../plan';
import { NUDGE_ACTIONS } from './action-ids';

/** One Slack message of a digest, with the lines (directions) it carries. */
export interface DigestMessage {
  text: string;
  blocks: Block[];
  lines: DigestLine[];
}

type Group = 'escalation' | 'overdue' | 'due' | 'festive' | 'before';

const GROUPS: Record<Group, string> = {
  escalation: ':rotating_light: *Escalated: overdue and silent*',
  overdue: ':warning: *Overdue*',
  due: ':bell: *Due now*',
  festive:
    ':christmas_tree: *Before the break*: due by the end of January, and the festive holidays come first',
  before: ':spiral_calendar_pad: *Coming up*',
};
const ORDER: Group[] = ['escalation', 'overdue', 'due', 'festive', 'before'];
const GROUP_OF: Record<MilestoneKind, Group> = {
  escalation: 'escalation',
  overdue: 'overdue',
  due: 'due',
  festive: 'festive',
  before: 'before',
};

/** Blocks every message carries besides its lines: header, context, footer. */
const FRAME_BLOCKS = 3;
const BLOCKS_PER_LINE = 2;

function groupOf(line: DigestLine): Group {
  return ORDER.find((group) => line.deadlines.some((d) => GROUP_OF[d.milestone.kind] === group)) ?? 'before';
}

/**
 * A channel's daily digest: every direction it should hear about today, most urgent first,
 * each with its deadline and working days left, status, age of its last update and leads,
 * and [Update] [Snooze a week]. Split into as many messages as Slack's 50-block limit needs.
 */
export function renderDigest(day: LocalDate, lines: readonly DigestLine[]): DigestMessage[] {
  const sorted = [...lines].sort(
    (a, b) =>
      ORDER.indexOf(groupOf(a)) - ORDER.indexOf(groupOf(b)) ||
      firstDue(a).localeCompare(firstDue(b)) ||
      compareRefs(a.direction.ref, b.direction.ref),
  );
  const scopes = new Set(lines.map((line) => `${line.ijb.id}#${line.planYear}`));
  const pages: { group: Group; line: DigestLine }[][] = [[]];
  let used = FRAME_BLOCKS;
  let lastGroup: Group | undefined;
  for (const line of sorted) {
    const group = groupOf(line);
    const cost = BLOCKS_PER_LINE + (group === lastGroup ? 0 : 1);
    const page = pages.at(-1) as { group: Group; line: DigestLine }[];
    if (page.length > 0 && used + cost > LIMITS.blocksPerMessage) {
      pages.push([{ group, line }]);
      used = FRAME_BLOCKS + BLOCKS_PER_LINE + 1;
    } else {
      page.push({ group, line });
      used += cost;
    }
    lastGroup = group;
  }
  return pages.map((page, index) => {
    const blocks: Block[] = [
      header(
        `Directions needing attention · ${formatDay(day)}${pages.length > 1 ? ` (${index + 1} of ${pages.length})` : ''}`,
      ),
      context(
        scopeText(
          page.map((entry) => entry.line),
          scopes.size > 1,
        ),
      ),
    ];
    let current: Group | undefined;
    for (const { group, line } of page) {
      if (group !== current) blocks.push(...sections(GROUPS[group]));
      current = group;
      blocks.push(...lineBlocks(line, scopes.size > 1));
    }
    blocks.push(
      context(
        'Working days leave out weekends and Scottish bank holidays. *Snooze a week* quiets a direction here for 7 days (never on its due day). Reply in the thread to report progress. `/direction subscriptions` says why this channel hears about these.',
      ),
    );
    return {
      text: fallbackText(page.map((entry) => entry.line)),
      blocks,
      lines: page.map((entry) => entry.line),
    };
  });
}

function firstDue(line: DigestLine): string {
  return line.deadlines.map((d) => d.dueDate).sort()[0] ?? '';
}

function scopeText(lines: DigestLine[], mixed: boolean): string {
  const first = lines[0];
  const count = plural(lines.length, 'direction');
  if (!first || mixed) return `${count} across IJBs`;
  return `${escapeMrkdwn(first.ijb.name)} · Directions ${first.planYear} · ${count}`;
}

function lineBlocks(line: DigestLine, mixed: boolean): Block[] {
  const { direction, ijb, planYear } = line;
  const where = mixed ? `${escapeMrkdwn(ijb.shortName)} ${planYear} · ` : '';
  const title = `${where}*${escapeMrkdwn(direction.ref)}* · ${escapeMrkdwn(direction.theme.name)} — ${escapeMrkdwn(summary(direction.text, 200))}`;
  const text = [
    title,
    ...uniqueDeadlines(line.deadlines).map((d) => `:date: ${deadlineText(d)}`),
    ...(line.escalation ? [escalationText(line.escalation)] : []),
    `${statusText(direction.status)} · ${updateAgeText(line.updateAgeDays)}`,
    direction.leads.length > 0 ? `Lead: ${users(direction.leads)}` : 'Lead: none assigned yet',
  ].join('\n');
  const value = buttonValue({ ijbId: ijb.id, planYear, ref: direction.ref });
  return [
    ...sections(clip(text, LIMITS.sectionText)),
    actions(nudgeBlockId(ijb.id, planYear, direction.ref), [
      button('Update', ACTIONS.update, value, 'primary'),
      button('Snooze a week', NUDGE_ACTIONS.snooze, value),
    ]),
  ];
}

/** The block that holds a direction's buttons in a digest, so a snooze can mark it in place. */
export function nudgeBlockId(ijbId: string, planYear: string, ref: string): string {
  return `nudge:${ijbId}:${planYear}:${ref}`.slice(0, 255);
}

function uniqueDeadlines(deadlines: DigestDeadline[]): DigestDeadline[] {
  const seen = new Set<number>();
  return deadlines.filter((d) => !seen.has(d.deadlineIndex) && seen.add(d.deadlineIndex));
}

function deadlineText(d: DigestDeadline): string {
  const written = escapeMrkdwn(describeDeadline(d.deadline, d.dueDate));
  if (d.standing.kind === 'due' && d.standing.workingDaysLeft === 0) {
    return `${written} · :bell: today is the last working day before it`;
  }
  return `${written} · ${standingText(d.standing)}`;
}

function escalationText(escalation: NonNullable<DigestLine['escalation']>): string {
  const silent =
    escalation.silentWorkingDays === undefined
      ? 'no update ever'
      : `no update for ${plural(escalation.silentWorkingDays, 'working day')}`;
  return `:rotating_light: overdue by ${plural(escalation.overdueWorkingDays, 'working day')}, ${silent}`;
}

function updateAgeText(days: number | undefined): string {
  if (days === undefined) return 'no update yet';
  if (days <= 0) return 'updated today';
  return days === 1 ? 'last updated yesterday' : `last updated ${days} days ago`;
}

/** What notifications and screen readers get: who needs to act, on what, by when. */
function fallbackText(lines: DigestLine[]): string {
  const parts = lines.map((line) => {
    const first = line.deadlines[0];
    const when = first
      ? first.standing.kind === 'overdue'
        ? 'overdue'
        : `due ${formatDay(first.dueDate)}`
      : '';
    return `${line.direction.ref} (${when})`;
  });
  return clip(`${plural(lines.length, 'direction')} need attention: ${parts.join(', ')}`, 1_000);
}
