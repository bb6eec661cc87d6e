import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Direction, Recipient } from '../domain/direction';
import type { DirectionKey } from '../domain/progress-update';
import { written } from './conditional-write';
import { keys } from './keys';
import { updateKeys } from './update-keys';

/**
 * Who leads a direction and where its team talks. The direction item holds `leads` and
 * `channel` (what every lookup shows); one lead item per lead is indexed by person (gsi2),
 * so "what do I lead" is one query, not a scan.
 */
export interface LeadStore {
  /** Sets leads and channel on condition of the version read; false when the direction changed meanwhile. */
  assign(
    direction: Direction,
    leads: readonly string[],
    channel: string | undefined,
    leadBodies?: Partial<Record<string, Recipient>>,
  ): Promise<boolean>;
  /** The directions a person leads, across IJBs and plan years. */
  ledBy(userId: string): Promise<DirectionKey[]>;
}

export function createLeadStore(db: DynamoDBDocumentClient, tableName: string): LeadStore {
  return {
    async assign(direction, leads, channel, leadBodies) {
      const bodies = leadBodies && Object.keys(leadBodies).length > 0 ? leadBodies : undefined;
      const set = ['leads = :leads', 'version = :next'];
      const remove: string[] = [];
      if (channel) set.push('#channel = :channel');
      else remove.push('#channel');
      if (bodies) set.push('leadBodies = :bodies');
      else remove.push('leadBodies');
      const expression = `SET ${set.join(', ')}${remove.length > 0 ? ` REMOVE ${remove.join(', ')}` : ''}`;
      const assigned = await written(
        db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.direction(direction.ijbId, direction.planYear, direction.ref),
            UpdateExpression: expression,
            ConditionExpression: 'attribute_exists(pk) AND version = :expected',
            ExpressionAttributeNames: { '#channel': 'channel' },
            ExpressionAttributeValues: {
              ':leads': leads,
              ':next': direction.version + 1,
              ':expected': direction.version,
              ...(channel ? { ':channel': channel } : {}),
              ...(bodies ? { ':bodies': bodies } : {}),
            },
          }),
        ),
      );
      if (!assigned) return false;
      const key = (userId: string) =>
        updateKeys.lead(direction.ijbId, direction.planYear, direction.ref, userId);
      const writes = [
        // A lead item for each new lead, and again for a lead whose body changed.
        ...leads
          .filter(
            (userId) =>
              !direction.leads.includes(userId) || bodies?.[userId] !== direction.leadBodies?.[userId],
          )
          .map((userId) => ({
            PutRequest: {
              Item: {
                ...key(userId),
                type: 'Lead',
                userId,
                ijbId: direction.ijbId,
                planYear: direction.planYear,
                ref: direction.ref,
                ...(bodies?.[userId] ? { body: bodies[userId] } : {}),
              },
            },
          })),
        ...direction.leads
          .filter((userId) => !leads.includes(userId))
          .map((userId) => {
            const { pk, sk } = key(userId);
            return { DeleteRequest: { Key: { pk, sk } } };
          }),
      ];
      for (let i = 0; i < writes.length; i += 25) {
        let pending = writes.slice(i, i + 25);
        for (let attempt = 0; pending.length > 0 && attempt < 8; attempt++) {
          const result = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
          pending = (result.UnprocessedItems?.[tableName] ?? []) as typeof pending;
          if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
        }
        if (pending.length > 0) throw new Error(`DynamoDB kept ${pending.length} lead items unprocessed`);
      }
      return true;
    },

    async ledBy(userId) {
      const found: DirectionKey[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'gsi2',
            KeyConditionExpression: 'gsi2pk = :person AND begins_with(gsi2sk, :leads)',
            ExpressionAttributeValues: { ':person': updateKeys.ledBy(userId), ':leads': 'LEADS#' },
            ExclusiveStartKey: start,
          }),
        );
        for (const item of page.Items ?? []) {
          found.push({ ijbId: String(item.ijbId), planYear: String(item.planYear), ref: String(item.ref) });
        }
        start = page.LastEvaluatedKey;
      } while (start);
      return found;
    },
  };
}
