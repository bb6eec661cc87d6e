/**
 * The one definition of the register table: keys and indexes. CDK builds the real table
 * from it and the local runtime creates the dynalite table from it, so they cannot drift.
 * Key design and access patterns: docs/data-model.md.
 */
export interface KeyAttribute {
  readonly name: string;
  readonly type: 'S';
}

export interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey: KeyAttribute;
}

export interface TableDefinition {
  readonly partitionKey: KeyAttribute;
  readonly sortKey: KeyAttribute;
  readonly globalSecondaryIndexes: readonly IndexDefinition[];
}

export const REGISTER_TABLE = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [
    /** By time within a scope: deadlines by due day ("DUE#<ijb>#<year>" → "<date>#<ref>"), IJBs by id. */
    {
      indexName: 'gsi1',
      partitionKey: { name: 'gsi1pk', type: 'S' },
      sortKey: { name: 'gsi1sk', type: 'S' },
    },
    /** By person or channel: what a Slack user leads, what a channel follows. */
    {
      indexName: 'gsi2',
      partitionKey: { name: 'gsi2pk', type: 'S' },
      sortKey: { name: 'gsi2sk', type: 'S' },
    },
  ],
} as const satisfies TableDefinition;

export const DEFAULT_TABLE_NAME = 'ijb-directions';
