import { type CustomResource, Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { seedReferenceDataEntry } from '../../lambdas/contracts/scheduled-entries.ts';
import { BaseFunction } from './base-function.ts';
import type { DataTable } from './data-table.ts';
import { deployTimeResource } from './deploy-time-resource.ts';

export interface ReferenceDataSeedProps {
  /** The table the catalogue is written to (the seed gets read-write access to it). */
  readonly table: DataTable;
  /** @default seedReferenceDataEntry */
  readonly entry?: string;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/**
 * Seeds the obligations and metrics catalogues into the table on deploy, through a custom resource whose
 * handler replies to CloudFormation itself (no Provider framework, so no extra Lambdas).
 */
export class ReferenceDataSeed extends Construct {
  readonly handler: BaseFunction;
  readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: ReferenceDataSeedProps) {
    super(scope, id);

    this.handler = new BaseFunction(this, 'Handler', {
      entry: props.entry ?? seedReferenceDataEntry,
      description: 'Seeds the obligations and metrics catalogues (CloudFormation custom resource)',
      // One conditional put per catalogue entry; CloudFormation waits up to an hour anyway.
      timeout: Duration.minutes(2),
      logRemovalPolicy: props.logRemovalPolicy,
    });
    this.handler.bindTable(props.table, 'read-write');

    this.resource = deployTimeResource(
      this,
      'Resource',
      this.handler.function,
      'Custom::ReferenceDataSeed',
      'SeedVersion',
    );

    Validations.of(this.handler.function).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        'Invoked only by CloudFormation as a custom resource: a failed seed fails and rolls back the deployment, so there is no event left to redrive.',
    });
  }
}
