import type { ProgressUpdate, SignOffDecision } from '../domain/progress-update';

/**
 * What the product tells one person directly (a DM in Slack, the personal chat in Teams), as
 * a surface-neutral note: each surface draws it its own way.
 */
export type PersonNote =
  | { kind: 'sign-off-request'; update: ProgressUpdate }
  | { kind: 'no-admins'; update: ProgressUpdate }
  | { kind: 'needs-second-admin'; update: ProgressUpdate }
  | { kind: 'decided'; decision: SignOffDecision }
  | { kind: 'review-ask'; ijbId: string; planYear: string; ref: string; roundTitle: string; text: string };

/**
 * The people one surface reaches that another cannot: Teams users (`aad:` ids) are told in
 * Teams; everyone else by the caller's own client (Slack). Composed in src/product.
 */
export interface PersonNotifier {
  reaches(userId: string): boolean;
  /** False when the person cannot be reached (no stored personal chat): logged, never thrown. */
  notify(userId: string, note: PersonNote): Promise<boolean>;
}
