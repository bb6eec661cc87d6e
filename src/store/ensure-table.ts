import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { REGISTER_TABLE, type TableDefinition } from './table';

/**
 * Creates the register table from the shared definition when it is missing, and waits
 * until it is ACTIVE. For the local runtime and tests; in AWS, CDK owns the table.
 */
export async function ensureTable(
  db: DynamoDBDocumentClient,
  tableName: string,
  definition: TableDefinition = REGISTER_TABLE,
): Promise<'created' | 'existed'> {
  let created = false;
  try {
    await db.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
    await db
      .send(new CreateTableCommand(createTableInput(tableName, definition)))
      .catch((createError: Error) => {
        // Another process may have created it in between: that is fine.
        if (createError.name !== 'ResourceInUseException') throw createError;
      });
    created = true;
  }
  for (let attempt = 0; attempt < 100; attempt++) {
    const { Table } = await db.send(new DescribeTableCommand({ TableName: tableName }));
    const missing = definition.globalSecondaryIndexes
      .map((index) => index.indexName)
      .filter((name) => !(Table?.GlobalSecondaryIndexes ?? []).some((index) => index.IndexName === name));
    if (missing.length > 0) throw new TableMismatchError(tableName, missing);
    const indexesActive = (Table?.GlobalSecondaryIndexes ?? []).every(
      (index) => index.IndexStatus === 'ACTIVE',
    );
    if (Table?.TableStatus === 'ACTIVE' && indexesActive) return created ? 'created' : 'existed';
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Table ${tableName} did not become ACTIVE`);
}

export function createTableInput(tableName: string, definition: TableDefinition) {
  const attributes = new Map<string, AttributeDefinition>();
  for (const key of [
    definition.partitionKey,
    definition.sortKey,
    ...definition.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ]) {
    attributes.set(key.name, { AttributeName: key.name, AttributeType: key.type });
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [...attributes.values()],
    KeySchema: [
      { AttributeName: definition.partitionKey.name, KeyType: 'HASH' as const },
      { AttributeName: definition.sortKey.name, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: definition.globalSecondaryIndexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey.name, KeyType: 'HASH' as const },
        { AttributeName: index.sortKey.name, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
  };
}

/** The table exists but predates an index the code needs; DynamoDB-compatible stores cannot always add one in place. */
export class TableMismatchError extends Error {
  override name = 'TableMismatchError';
  constructor(
    readonly tableName: string,
    readonly missingIndexes: string[],
  ) {
    super(`Table ${tableName} lacks the index(es) ${missingIndexes.join(', ')} that this version needs`);
  }
}
