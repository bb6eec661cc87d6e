import { refKey } from '../domain/direction';
import { keys } from './keys';

/**
 * Keys of progress updates and what hangs off them. Updates, revisions, sign-off decisions,
 * lead assignments and the status card live in the direction's own partition
 * (`REG#<ijb>#<year>`), beside the direction. See docs/data-model.md.
 */
const UNSUMMARISED = 'UNSUMMARISED';
const partition = (ijbId: string, year: string) => keys.direction(ijbId, year, '-').pk;

export const updateKeys = {
  /** A progress update: unique by its id (made from the request, so a retry finds it). */
  update: (ijbId: string, year: string, ref: string, id: string) => ({
    pk: partition(ijbId, year),
    sk: `UPD#${refKey(ref)}#${id}`,
  }),
  updatePrefix: (ijbId: string, year: string, ref: string) => ({
    pk: partition(ijbId, year),
    skPrefix: `UPD#${refKey(ref)}#`,
  }),
  /** An earlier wording of an update, kept when its author edits it. */
  revision: (ijbId: string, year: string, ref: string, id: string, revision: number) => ({
    pk: partition(ijbId, year),
    sk: `UPDREV#${refKey(ref)}#${id}#${String(revision).padStart(3, '0')}`,
  }),
  /** An admin's decision on a proposal: one per proposal. */
  decision: (ijbId: string, year: string, ref: string, updateId: string) => ({
    pk: partition(ijbId, year),
    sk: `DEC#${refKey(ref)}#${updateId}`,
  }),
  /** gsi1: a direction's history (updates and decisions) by time. */
  history: (ijbId: string, year: string, ref: string, order: string) => ({
    gsi1pk: historyScope(ijbId, year, ref),
    gsi1sk: order,
  }),
  historyScope,
  /**
   * gsi2, sparse: an update whose direction summary may not show it yet. Written on the update
   * item itself (no extra request); the summary sweep removes it once the summary has caught up.
   */
  unsummarised: (ijbId: string, year: string, ref: string, id: string, at: string) => ({
    gsi2pk: UNSUMMARISED,
    gsi2sk: `${at}#${ijbId}#${year}#${refKey(ref)}#${id}`,
  }),
  UNSUMMARISED,
  /** A lead of a direction; gsi2 finds what a person leads. */
  lead: (ijbId: string, year: string, ref: string, userId: string) => ({
    pk: partition(ijbId, year),
    sk: `LEAD#${refKey(ref)}#${userId}`,
    gsi2pk: ledBy(userId),
    gsi2sk: `LEADS#${ijbId}#${year}#${refKey(ref)}`,
  }),
  leadPrefix: (ijbId: string, year: string, ref: string) => ({
    pk: partition(ijbId, year),
    skPrefix: `LEAD#${refKey(ref)}#`,
  }),
  ledBy,
  /** The direction's living status card in its team channel. */
  statusCard: (ijbId: string, year: string, ref: string) => ({
    pk: partition(ijbId, year),
    sk: `CARD#${refKey(ref)}`,
  }),
  /** A conversation with the bot: one per person per DM or thread. */
  conversation: (channel: string, thread: string, userId: string) => ({
    pk: `CONVO#${channel}#${thread}#${userId}`,
    sk: 'STATE',
  }),
};

function historyScope(ijbId: string, year: string, ref: string): string {
  return `HIST#${ijbId}#${year}#${refKey(ref)}`;
}

function ledBy(userId: string): string {
  return `USER#${userId}`;
}
