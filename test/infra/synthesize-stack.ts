/**
 * `node test/infra/synthesize-stack.ts <directory>` writes the cloud assembly of the stack, bundled
 * as `cdk synth` bundles it, into <directory>. synthesized-stack.global-setup.ts runs it once per test
 * run, in its own process so that the other tests go on while esbuild bundles every function.
 */
import { appWithFunctionBundles } from '../../lib/function-bundles.ts';
import { SanctionsWatchStack } from '../../lib/sanctions-watch-stack.ts';
import { cdkJsonContext } from './test-app.ts';

const [outdir] = process.argv.slice(2);
if (!outdir) throw new Error('usage: node test/infra/synthesize-stack.ts <directory>');
const app = await appWithFunctionBundles({ outdir, context: cdkJsonContext() }, (app) => {
  new SanctionsWatchStack(app, 'SanctionsWatch');
});
app.synth();
