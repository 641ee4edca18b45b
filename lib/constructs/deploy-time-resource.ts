import { CustomResource } from 'aws-cdk-lib';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import type { Construct } from 'constructs';

/**
 * Hash of the function's bundled code. The bundle inlines the data and code the function applies
 * (the seed's catalogues, the migrations), so any change to them changes it.
 */
function bundleHash(fn: NodejsFunction): string {
  // AssetCode.bind() stages the bundle as the function's child 'Code'.
  const code = fn.node.findChild('Code');
  if (!(code instanceof Asset)) {
    throw new Error(`${fn.node.path}: expected the bundled code asset at child 'Code'`);
  }
  return code.assetHash;
}

/**
 * A custom resource served by a function that answers CloudFormation itself (no Provider
 * framework, so no extra Lambdas), run again by every deploy that changes the function's bundle.
 */
export const deployTimeResource = (
  scope: Construct,
  id: string,
  fn: NodejsFunction,
  resourceType: `Custom::${string}`,
  /** The property that carries the bundle's hash. */
  versionProperty: string,
): CustomResource =>
  new CustomResource(scope, id, {
    serviceToken: fn.functionArn,
    resourceType,
    // A changed property makes CloudFormation send Update, which runs the function again.
    properties: { [versionProperty]: bundleHash(fn) },
  });
