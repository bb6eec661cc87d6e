import { refKey } from '../domain/direction';

/**
 * Every key of the register, in one place. Nothing outside src/store builds a key.
 * See docs/data-model.md for the access pattern each one serves.
 */
export const keys = {
  ijb: (ijbId: string) => ({ pk: `IJB#${ijbId}`, sk: 'PROFILE' }),
  ijbIndex: (ijbId: string) => ({ gsi1pk: 'IJBS', gsi1sk: ijbId }),
  planYear: (ijbId: string, year: string) => ({ pk: `IJB#${ijbId}`, sk: `YEAR#${year}` }),
  planYearPrefix: (ijbId: string) => ({ pk: `IJB#${ijbId}`, skPrefix: 'YEAR#' }),
  direction: (ijbId: string, year: string, ref: string) => ({
    pk: register(ijbId, year),
    sk: `DIR#${refKey(ref)}`,
  }),
  directionPrefix: (ijbId: string, year: string) => ({ pk: register(ijbId, year), skPrefix: 'DIR#' }),
  /** One item per deadline that has a due day, indexed by that day. */
  deadline: (ijbId: string, year: string, ref: string, index: number, dueDate: string) => ({
    pk: register(ijbId, year),
    sk: `DUE#${refKey(ref)}#${index}`,
    gsi1pk: dueScope(ijbId, year),
    gsi1sk: `${dueDate}#${refKey(ref)}#${index}`,
  }),
  deadlinePrefix: (ijbId: string, year: string, ref: string) => ({
    pk: register(ijbId, year),
    skPrefix: `DUE#${refKey(ref)}#`,
  }),
  dueScope,
  /** A year's whole register partition: directions, deadline entries, milestones, outcomes, revisions. */
  registerPartition: (ijbId: string, year: string) => ({ pk: register(ijbId, year) }),
  /** A delivery-plan key action of the year, by its content-derived id. */
  milestone: (ijbId: string, year: string, id: string) => ({ pk: register(ijbId, year), sk: `MS#${id}` }),
  /** What a later paper's outcome table says of this year's direction. */
  outcome: (ijbId: string, year: string, ref: string) => ({
    pk: register(ijbId, year),
    sk: `OUTCOME#${refKey(ref)}`,
  }),
  /** A direction's paper-owned fields as they were before a revised paper changed them (append-only). */
  revision: (ijbId: string, year: string, ref: string, revision: number) => ({
    pk: register(ijbId, year),
    sk: `REV#${refKey(ref)}#${String(revision).padStart(4, '0')}`,
  }),
  /** One mid-year change to a direction, recorded by an admin (append-only, create-once). */
  registerChange: (ijbId: string, year: string, ref: string, at: string, id: string) => ({
    pk: register(ijbId, year),
    sk: `CHANGE#${refKey(ref)}#${at}#${id}`,
  }),
  /** One import of a paper that changed the register: who, when, what. */
  importRecord: (ijbId: string, year: string, at: string) => ({
    pk: `IJB#${ijbId}`,
    sk: `IMPORT#${year}#${at}`,
  }),
  /** Slack admins of an IJB, beyond those configured. */
  admin: (ijbId: string, userId: string) => ({ pk: `IJB#${ijbId}`, sk: `ADMIN#${userId}` }),
  adminPrefix: (ijbId: string) => ({ pk: `IJB#${ijbId}`, skPrefix: 'ADMIN#' }),
  /** A review round of an IJB (mutable: state, close date, its events). */
  reviewRound: (ijbId: string, roundId: string) => ({ pk: `IJB#${ijbId}`, sk: `ROUND#${roundId}` }),
  reviewRoundPrefix: (ijbId: string) => ({ pk: `IJB#${ijbId}`, skPrefix: 'ROUND#' }),
  /** Which round is open: created only when absent, so one round is open per IJB. */
  openRound: (ijbId: string) => ({ pk: `IJB#${ijbId}`, sk: 'OPEN-ROUND' }),
  /** A direction as it stood at the `closing`-th close of a round: written once, never updated. */
  roundSnapshot: (ijbId: string, roundId: string, closing: number, ref: string) => ({
    pk: `SNAP#${ijbId}#${roundId}#${closing}`,
    sk: `DIR#${refKey(ref)}`,
  }),
  roundSnapshotPartition: (ijbId: string, roundId: string, closing: number) => ({
    pk: `SNAP#${ijbId}#${roundId}#${closing}`,
  }),
  /** A Slack message that stands for directions (a nudge, a status card): replies in its thread are about them. */
  threadAnchor: (channel: string, ts: string) => ({ pk: `THREAD#${channel}#${ts}`, sk: 'ANCHOR' }),
};

function register(ijbId: string, year: string): string {
  return `REG#${ijbId}#${year}`;
}

function dueScope(ijbId: string, year: string): string {
  return `DUE#${ijbId}#${year}`;
}
