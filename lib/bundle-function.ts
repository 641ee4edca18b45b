/**
 * `node lib/bundle-function.ts <entry> <outdir>`: bundles one function's handler module (relative
 * to the project root) into `<outdir>/index.mjs` and its map, with the SDK's `vendor.mjs` and the
 * side modules it loads beside it. The stack runs it for each function as it synthesizes
 * (lib/constructs/bundled-code.ts): esbuild's plugins need its asynchronous API, which CDK's
 * synchronous local bundling can only reach in a process of its own.
 */
import { bundleFunction } from './lambda-bundling.ts';

const [entry, outdir] = process.argv.slice(2);
if (entry === undefined || outdir === undefined) throw new Error('usage: bundle-function.ts <entry> <outdir>');

await bundleFunction(entry, outdir);
