import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { BodyStandings, DirectionStatus, UpdateSummary } from '../domain/direction';
import type { DirectionKey } from '../domain/progress-update';
import { written } from './conditional-write';
import { keys } from './keys';

/** What the direction shows of its history: the latest update, and the status with the event that set it. */
export interface SummaryWrite {
  latestUpdate: UpdateSummary | undefined;
  status: DirectionStatus;
  /** "<at>#<id>" of the event that set the status; undefined when nothing has. */
  statusEvent: string | undefined;
  /** Each body's standing, for a direction answered per partner; absent leaves `bodies` as it is. */
  bodies?: BodyStandings;
}

/**
 * Writes to the progress attributes of a Direction item — `latestUpdate`, `status`,
 * `statusEvent`, `bodies` — and nothing else: other attributes belong to the paper (issue of the
 * register) and to assignment. Every write adds 1 to `version`, so an optimistic writer
 * elsewhere sees it.
 */
export interface DirectionSummaryStore {
  /**
   * The one-request path for a new update: applies it only if it is newer than the latest
   * update (and, when it sets the status, newer than the event that set the status).
   * False when it is not, or the direction is gone: the caller then takes the careful path.
   */
  applyNewer(
    key: DirectionKey,
    summary: UpdateSummary,
    setsStatus: { status: DirectionStatus; order: string } | undefined,
  ): Promise<boolean>;
  /** Replaces the summary on condition of the version read; false on a conflicting write. */
  write(key: DirectionKey, expectedVersion: number, summary: SummaryWrite): Promise<boolean>;
}

export function createDirectionSummaryStore(
  db: DynamoDBDocumentClient,
  tableName: string,
): DirectionSummaryStore {
  const attempt = (command: UpdateCommand) => written(db.send(command));

  return {
    applyNewer(key, summary, setsStatus) {
      const newerUpdate =
        '(attribute_not_exists(latestUpdate) OR latestUpdate.#at < :at OR (latestUpdate.#at = :at AND latestUpdate.#id < :id))';
      const newerStatus = '(attribute_not_exists(statusEvent) OR statusEvent < :order)';
      return attempt(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.direction(key.ijbId, key.planYear, key.ref),
          UpdateExpression: `SET latestUpdate = :summary${setsStatus ? ', #status = :status, statusEvent = :order' : ''} ADD version :one`,
          ConditionExpression: `attribute_exists(pk) AND ${newerUpdate}${setsStatus ? ` AND ${newerStatus}` : ''}`,
          ExpressionAttributeNames: {
            '#at': 'at',
            '#id': 'id',
            ...(setsStatus ? { '#status': 'status' } : {}),
          },
          ExpressionAttributeValues: {
            ':summary': summary,
            ':at': summary.at,
            ':id': summary.id ?? '',
            ':one': 1,
            ...(setsStatus ? { ':status': setsStatus.status, ':order': setsStatus.order } : {}),
          },
        }),
      );
    },

    write(key, expectedVersion, { latestUpdate, status, statusEvent, bodies }) {
      const set = ['#status = :status', 'version = :next'];
      const remove: string[] = [];
      const values: Record<string, unknown> = {
        ':status': status,
        ':next': expectedVersion + 1,
        ':expected': expectedVersion,
      };
      if (latestUpdate) {
        set.push('latestUpdate = :latest');
        values[':latest'] = latestUpdate;
      } else remove.push('latestUpdate');
      if (statusEvent) {
        set.push('statusEvent = :event');
        values[':event'] = statusEvent;
      } else remove.push('statusEvent');
      if (bodies) {
        set.push('bodies = :bodies');
        values[':bodies'] = bodies;
      }
      return attempt(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.direction(key.ijbId, key.planYear, key.ref),
          UpdateExpression: `SET ${set.join(', ')}${remove.length > 0 ? ` REMOVE ${remove.join(', ')}` : ''}`,
          ConditionExpression: 'attribute_exists(pk) AND version = :expected',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: values,
        }),
      );
    },
  };
}
