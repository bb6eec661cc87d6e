import { describeDeadline, describeStanding } from '../../domain/deadline';
import { STATUS_LABELS } from '../../domain/direction';
import { issuedToText } from '../../domain/ijb';
import { formatDay, londonDay } from '../../domain/local-date';
import type { DeadlineView, DirectionView, PendingSignOff, Scope } from '../../lookup/views';
import { type AdaptiveCard, card, facts, heading, note, personName, plain, submit, text } from './adaptive';

export function deadlineLine(view: DeadlineView): string {
  const written = describeDeadline(view.deadline, view.dueDate);
  return view.standing ? `${written} · ${describeStanding(view.standing)}` : written;
}

function pendingLine(pending: PendingSignOff | undefined): string | undefined {
  if (!pending) return undefined;
  const what = pending.proposal === 'achieved' ? 'Achieved' : 'Retire';
  return `${what} proposed by ${personName(pending.by)}, awaiting sign-off`;
}

/**
 * The direction card in Teams, from the same view the Slack card is drawn from: status,
 * deadline with working days left, and the next actions as buttons.
 */
export function directionCard(
  scope: Scope,
  view: DirectionView,
  visibility: 'private' | 'channel',
): AdaptiveCard {
  const { direction } = view;
  const key = { ijbId: scope.ijb.id, planYear: direction.planYear, ref: direction.ref };
  const latest = direction.latestUpdate;
  const deadline =
    view.deadlines.length > 0 ? view.deadlines.map(deadlineLine).join('\n\n') : 'No deadline set (ongoing)';
  const status = [
    STATUS_LABELS[direction.status],
    ...(view.bodies ?? []).map((entry) => `${plain(entry.name)}: ${STATUS_LABELS[entry.status]}`),
    pendingLine(view.pendingSignOff),
  ]
    .filter(Boolean)
    .join(' · ');
  return card(
    [
      heading(`${direction.ref} · ${plain(direction.theme.name)}`),
      note(
        [
          plain(scope.ijb.name),
          `Directions ${direction.planYear}`,
          ...(direction.title ? [plain(direction.title)] : []),
        ].join(' · '),
      ),
      ...(view.changes ?? []).map((change) =>
        note(
          `${plain(change.text)}${change.link ? ` · ${plain(change.link)}` : ''}${change.closes ? ' · no longer chased' : ''}`,
        ),
      ),
      text(plain(direction.text)),
      facts([
        ['Issued to', issuedToText(scope.ijb, direction.issuedTo)],
        ['Deadline', deadline],
        ['Status', status],
        [
          'Lead',
          direction.leads.length > 0 ? direction.leads.map(personName).join(', ') : 'Not assigned yet',
        ],
      ]),
      text('**Latest update**', { spacing: 'Medium' }),
      latest
        ? text(
            `${formatDay(londonDay(new Date(latest.at)))} · ${personName(latest.by)}${view.latestFor ? ` for ${plain(view.latestFor)}` : ''} · ${STATUS_LABELS[latest.status]}\n\n${plain(latest.text)}`,
          )
        : note('No updates yet.'),
    ],
    [
      submit('Update progress', { action: 'update', ...key }, 'positive'),
      submit('History', { action: 'history', ...key }),
      ...(visibility === 'private' ? [submit('Share', { action: 'share', ...key })] : []),
    ],
  );
}
