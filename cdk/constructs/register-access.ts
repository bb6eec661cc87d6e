import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { REGISTER_TABLE } from '../../src/store/table';

/** The item reads the product makes; it never scans (docs/data-model.md). */
const READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
];
const WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

/**
 * Access to the register, by name: the table's ARN and its two indexes' ARNs from the shared
 * definition (src/store/table.ts) — no `index/*` wildcard, no Scan, no table administration.
 * The table is encrypted with the AWS-managed key, so no KMS grant is needed.
 */
export function grantRegister(table: ITableV2, grantee: IGrantable, access: 'read' | 'read-write'): void {
  const indexes = REGISTER_TABLE.globalSecondaryIndexes.map(
    (index) => `${table.tableArn}/index/${index.indexName}`,
  );
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: access === 'read' ? READ_ACTIONS : [...READ_ACTIONS, ...WRITE_ACTIONS],
      resources: [table.tableArn, ...indexes],
    }),
  );
}

/** Invoking one function, and not its versions or aliases (Lambda's grantInvoke adds `:*`). */
export function grantInvokeOnly(fn: IFunction, grantee: IGrantable): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [fn.functionArn] }),
  );
}
