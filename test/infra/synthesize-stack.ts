/**
 * `node test/infra/synthesize-stack.ts <directory>` writes the cloud assembly of the stack, bundled
 * as `cdk synth` bundles it, into <directory>. synthesized-stack.global-setup.ts runs it once per test
 * run, in its own process so that the other tests go on while esbuild bundles every function.
 */
import { createTestApp } from './test-app.ts';

const [outdir] = process.argv.slice(2);
if (!outdir) throw new Error('usage: node test/infra/synthesize-stack.ts <directory>');
createTestApp({ bundle: true, outdir }).app.synth();
