import { describeDeadline, describeStanding, plural } from '../../domain/deadline';
import { compareRefs, STATUS_LABELS } from '../../domain/direction';
import { formatDay, type LocalDate } from '../../domain/local-date';
import type { DigestDeadline, DigestLine } from '../../nudges/plan';
import {
  type AdaptiveCard,
  byteSize,
  card,
  container,
  type Element,
  heading,
  note,
  personName,
  plain,
  submit,
  TEAMS_CARD_LIMIT_BYTES,
  text,
} from './adaptive';

const URGENCY = ['escalation', 'overdue', 'due', 'festive', 'before'] as const;
const GROUP_TITLES: Record<(typeof URGENCY)[number], string> = {
  escalation: 'Escalated: overdue and silent',
  overdue: 'Overdue',
  due: 'Due now',
  festive: 'Before the break: due by the end of January, and the festive holidays come first',
  before: 'Coming up',
};

/** Room kept for the heading, footer and the "and N more" line when a digest is cut. */
const FRAME_BYTES = 2_048;

function groupOf(line: DigestLine): (typeof URGENCY)[number] {
  return URGENCY.find((kind) => line.deadlines.some((d) => d.milestone.kind === kind)) ?? 'before';
}

function firstDue(line: DigestLine): string {
  return line.deadlines.map((d) => d.dueDate).sort()[0] ?? '';
}

function deadlineText(d: DigestDeadline): string {
  return `${describeDeadline(d.deadline, d.dueDate)} · ${describeStanding(d.standing)}`;
}

function ageText(days: number | undefined): string {
  if (days === undefined) return 'no update yet';
  return days === 0 ? 'updated today' : `last updated ${plural(days, 'day')} ago`;
}

function lineElement(line: DigestLine, mixed: boolean): Element {
  const { direction, ijb, planYear } = line;
  const where = mixed ? `${plain(ijb.shortName)} ${planYear} · ` : '';
  const summary = direction.text.replace(/\s+/g, ' ').trim();
  const short = summary.length <= 200 ? summary : `${summary.slice(0, 199).trimEnd()}…`;
  const deadlines = [...new Map(line.deadlines.map((d) => [d.deadlineIndex, d])).values()];
  const escalation = line.escalation
    ? [
        `Overdue ${plural(line.escalation.overdueWorkingDays, 'working day')}${
          line.escalation.silentWorkingDays === undefined
            ? ', never updated'
            : `, silent ${plural(line.escalation.silentWorkingDays, 'working day')}`
        }`,
      ]
    : [];
  return container(
    [
      text(`${where}**${plain(direction.ref)}** · ${plain(direction.theme.name)} — ${plain(short)}`),
      note(
        [
          ...deadlines.map(deadlineText),
          ...escalation,
          `${STATUS_LABELS[direction.status]} · ${ageText(line.updateAgeDays)}`,
          direction.leads.length > 0
            ? `Lead: ${direction.leads.map(personName).join(', ')}`
            : 'Lead: none assigned yet',
        ].join('\n\n'),
      ),
    ],
    {
      spacing: 'Medium',
      selectAction: submit('Open', { action: 'open', ijbId: ijb.id, planYear, ref: direction.ref }),
    },
  );
}

/**
 * A channel's daily digest as ONE Adaptive Card (Slack splits at 50 blocks; Teams takes a
 * single message of up to 28 KB): most urgent first, each direction with its deadline and
 * working days left, status, age of its last update and leads; a row opens the direction.
 * A digest too big for one card lists what fits and says how many more, and where to see them.
 */
export function digestCard(day: LocalDate, lines: readonly DigestLine[]): AdaptiveCard {
  const sorted = [...lines].sort(
    (a, b) =>
      URGENCY.indexOf(groupOf(a)) - URGENCY.indexOf(groupOf(b)) ||
      firstDue(a).localeCompare(firstDue(b)) ||
      compareRefs(a.direction.ref, b.direction.ref),
  );
  const mixed = new Set(lines.map((line) => `${line.ijb.id}#${line.planYear}`)).size > 1;
  const first = sorted[0];
  const scope =
    !first || mixed
      ? `${plural(lines.length, 'direction')} across IJBs`
      : `${plain(first.ijb.name)} · Directions ${first.planYear} · ${plural(lines.length, 'direction')}`;
  const body: Element[] = [heading(`Directions needing attention · ${formatDay(day)}`), note(scope)];
  let used = byteSize(card(body)) + FRAME_BYTES;
  let group: string | undefined;
  let shown = 0;
  for (const line of sorted) {
    const kind = groupOf(line);
    const elements = [
      ...(kind === group ? [] : [text(`**${GROUP_TITLES[kind]}**`, { spacing: 'Large' })]),
      lineElement(line, mixed),
    ];
    const cost = byteSize(elements) + 2;
    if (used + cost > TEAMS_CARD_LIMIT_BYTES) break;
    body.push(...elements);
    used += cost;
    group = kind;
    shown += 1;
  }
  if (shown < sorted.length) {
    body.push(
      text(
        `…and ${plural(sorted.length - shown, 'more direction')}: type \`overdue\` or \`due\` to see them all.`,
        {
          weight: 'Bolder',
        },
      ),
    );
  }
  body.push(
    note(
      'Working days leave out weekends and Scottish bank holidays. Open a direction to update it; type `update 5.1 on track: …` to report progress.',
    ),
  );
  return card(body);
}

/** The digest's text, for notifications and clients that do not show cards. */
export function digestText(day: LocalDate, lines: readonly DigestLine[]): string {
  return `${plural(lines.length, 'direction')} needing attention on ${formatDay(day)}: ${lines
    .map((line) => line.direction.ref)
    .slice(0, 20)
    .join(', ')}${lines.length > 20 ? '…' : ''}`;
}
