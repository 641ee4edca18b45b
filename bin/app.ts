import { Validations } from 'aws-cdk-lib';
import cdkNag from 'cdk-nag';
import { appWithFunctionBundles } from '../lib/function-bundles.ts';
import { SanctionsWatchStack } from '../lib/sanctions-watch-stack.ts';

// cdk-nag is CommonJS whose named exports Node's ESM loader cannot detect.
const { AwsSolutionsChecks, ServerlessChecks } = cdkNag;

const app = await appWithFunctionBundles({}, (app) => {
  // Environment-agnostic on purpose: synth needs no AWS credentials or lookups.
  new SanctionsWatchStack(app, 'SanctionsWatch', {
    description: 'sanctions-watch: UN sanctions reporting obligations per member state',
  });
});
// Any finding not acknowledged where it arises fails the synth.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
