import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type Ijb, IjbSchema } from '../domain/ijb';
import { written } from './conditional-write';
import { keys } from './keys';

/**
 * Adds an IJB's profile to the register, once: an IJB already there (added, or created by an
 * import) is left as it is, and the answer is false.
 */
export async function addIjbProfile(
  db: DynamoDBDocumentClient,
  tableName: string,
  profile: Omit<Ijb, 'latestPlanYear' | 'deliveryPlanYears'>,
): Promise<boolean> {
  const ijb = IjbSchema.parse(profile);
  return written(
    db.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.ijb(ijb.id), ...keys.ijbIndex(ijb.id), type: 'Ijb', ...ijb },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
}
