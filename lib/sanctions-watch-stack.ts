import { CfnOutput, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { routes } from '../lambdas/handlers/http/routes.ts';
import { BaseFunction } from './constructs/base-function.ts';
import { DataTable } from './constructs/data-table.ts';
import { ServiceHttpApi } from './constructs/http-api.ts';
import { ReferenceDataSeed } from './constructs/reference-data-seed.ts';

/** `cdk synth -c dev=true` builds a throwaway stack whose data and logs are destroyed with it. */
export function isDevStack(scope: Construct): boolean {
  const flag: unknown = scope.node.tryGetContext('dev');
  return flag === true || flag === 'true';
}

export class SanctionsWatchStack extends Stack {
  readonly table: DataTable;
  readonly api: ServiceHttpApi;
  readonly seed: ReferenceDataSeed;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const removalPolicy = isDevStack(this) ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    this.table = new DataTable(this, 'Data', { removalPolicy });
    this.seed = new ReferenceDataSeed(this, 'ReferenceDataSeed', { table: this.table, logRemovalPolicy: removalPolicy });
    this.api = new ServiceHttpApi(this, 'HttpApi', { logRemovalPolicy: removalPolicy });

    for (const route of routes) {
      const fn = new BaseFunction(this, route.id, {
        entry: route.entry,
        description: `${route.method} ${route.path}`,
        logRemovalPolicy: removalPolicy,
      });
      fn.bindTable(this.table, route.tableAccess);
      this.api.addRoute(route, fn.function);
      Validations.of(fn.function).acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason: 'Invoked synchronously by API Gateway, which returns the error to the caller; there is no async event to dead-letter.',
      });
    }

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the HTTP API' });
  }
}
