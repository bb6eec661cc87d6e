import { type Direction, STATUS_LABELS } from '../domain/direction';
import { issuedToText } from '../domain/ijb';
import { type Scope, viewOf } from '../lookup/views';

/** A direction as the API shows it: what is asked, of whom, by when, how it stands. */
export function publicDirection(direction: Direction, scope: Scope) {
  const view = viewOf(direction, scope);
  return {
    ref: direction.ref,
    theme: direction.theme.name,
    ...(direction.title ? { title: direction.title } : {}),
    text: direction.text,
    issuedTo: issuedToText(scope.ijb, direction.issuedTo),
    status: direction.status,
    statusLabel: STATUS_LABELS[direction.status],
    deadlines: view.deadlines.map(({ deadline, dueDate, standing }) => ({
      ...deadline,
      ...(dueDate ? { dueDate } : {}),
      ...(standing ? { standing } : {}),
    })),
    ...(direction.latestUpdate
      ? {
          latestUpdate: {
            at: direction.latestUpdate.at,
            status: direction.latestUpdate.status,
            text: direction.latestUpdate.text,
          },
        }
      : {}),
  };
}
