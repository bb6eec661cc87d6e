import type { z } from '@hono/zod-openapi';
import { type Direction, type DirectionLink, STATUS_LABELS } from '../domain/direction';
import { issuedToText } from '../domain/ijb';
import type { HistoryEvent, ProgressUpdate } from '../domain/progress-update';
import type { DirectionView, Scope } from '../lookup/views';
import type { DirectionSchema, HistoryEventSchema, UpdateSchema } from './schemas';

export const API_BASE = '/api/v1';

export function directionPath(ijbId: string, planYear: string, ref: string): string {
  return `/ijbs/${ijbId}/years/${planYear}/directions/${encodeURIComponent(ref)}`;
}

const linkOf = (ijbId: string) => (link: DirectionLink) => ({
  ...link,
  href: `${API_BASE}${directionPath(ijbId, link.planYear, link.ref)}`,
});

/**
 * A direction as the API shows it. Slack user ids (leads, authors) and channels are left out:
 * they mean nothing outside the workspace and are personal data a partner's system does not need.
 */
export function directionOf(view: DirectionView, scope: Scope): z.infer<typeof DirectionSchema> {
  const d: Direction = view.direction;
  return {
    ref: d.ref,
    href: `${API_BASE}${directionPath(d.ijbId, d.planYear, d.ref)}`,
    theme: d.theme.name,
    ...(d.title ? { title: d.title } : {}),
    text: d.text,
    recipients: d.issuedTo,
    issuedTo: issuedToText(scope.ijb, d.issuedTo),
    status: d.status,
    statusLabel: STATUS_LABELS[d.status],
    deadlines: view.deadlines.map(({ deadline, dueDate, standing }) => ({
      kind: deadline.kind,
      asWritten: deadline.asWritten,
      ...(dueDate ? { dueDate } : {}),
      ...(standing ? { standing } : {}),
    })),
    hasLead: d.leads.length > 0,
    ...(d.latestUpdate
      ? {
          latestUpdate: {
            at: d.latestUpdate.at,
            status: d.latestUpdate.status,
            text: d.latestUpdate.text,
            ...(d.latestUpdate.proposal ? { proposal: d.latestUpdate.proposal } : {}),
            ...(d.latestUpdate.signOff ? { signOff: d.latestUpdate.signOff } : {}),
          },
        }
      : {}),
    ...(d.lifecycle
      ? {
          lifecycle: {
            state: d.lifecycle.state,
            ...(d.lifecycle.outcome ? { outcome: d.lifecycle.outcome } : {}),
          },
        }
      : {}),
    ...(d.supersedes?.length ? { supersedes: d.supersedes.map(linkOf(d.ijbId)) } : {}),
    ...(d.supersededBy?.length ? { supersededBy: d.supersededBy.map(linkOf(d.ijbId)) } : {}),
    ...(d.link ? { link: d.link } : {}),
  };
}

export function updateOf(update: ProgressUpdate): z.infer<typeof UpdateSchema> {
  return {
    id: update.id,
    at: update.at,
    by: update.by,
    via: update.via,
    status: update.status,
    text: update.text,
    evidence: update.evidence,
    ...(update.expectedDate ? { revisedDate: update.expectedDate } : {}),
    ...(update.nextSteps ? { nextSteps: update.nextSteps } : {}),
    ...(update.signOff ? { signOff: { state: update.signOff.state } } : {}),
    ...(update.withdrawn ? { withdrawn: true } : {}),
    ...(update.body ? { body: update.body } : {}),
  };
}

export function eventOf(event: HistoryEvent): z.infer<typeof HistoryEventSchema> {
  if (event.kind === 'update') return { kind: 'update', update: updateOf(event.update) };
  const { updateId, at, proposal, outcome, reason } = event.decision;
  return { kind: 'decision', decision: { updateId, at, proposal, outcome, ...(reason ? { reason } : {}) } };
}
