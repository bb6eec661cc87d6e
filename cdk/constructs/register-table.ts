import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, type ITableV2, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { REGISTER_TABLE } from '../../src/store/table';

/**
 * The register: one DynamoDB table built from the same definition the local runtime uses
 * (src/store/table.ts), so keys and indexes cannot drift between laptop and AWS.
 */
export class RegisterTable extends Construct {
  readonly table: ITableV2;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const key = (attribute: { name: string }) => ({ name: attribute.name, type: AttributeType.STRING });
    this.table = new TableV2(this, 'Table', {
      partitionKey: key(REGISTER_TABLE.partitionKey),
      sortKey: key(REGISTER_TABLE.sortKey),
      globalSecondaryIndexes: REGISTER_TABLE.globalSecondaryIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: key(index.partitionKey),
        sortKey: key(index.sortKey),
      })),
      billing: Billing.onDemand(),
      encryption: TableEncryptionV2.awsManagedKey(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
