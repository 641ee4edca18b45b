/**
 * `node scripts/run-together.ts <script>...` runs the package's npm scripts side by side, prints each
 * one's output whole (never interleaved) as it ends, and fails when any of them fails. `npm test`
 * runs the type check and the linters so before the tests: on two cores, 23 s instead of 33 s.
 */
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
if (scripts.length === 0) throw new Error('usage: node scripts/run-together.ts <npm script>...');

/** npm's own CLI when an npm script runs this, as the same Node; `npm` from the PATH otherwise. */
const npm = process.env.npm_execpath;
const npmCommand = (args: string[]): [string, string[]] =>
  npm === undefined ? ['npm', args] : [process.execPath, [npm, ...args]];

const run = (script: string): Promise<boolean> =>
  new Promise((done) => {
    const [command, args] = npmCommand(['run', '--silent', script]);
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let ended = false;
    const end = (ok: boolean, how: string) => {
      if (ended) return;
      ended = true;
      process.stdout.write(`> npm run ${script}: ${how}\n${output}`);
      done(ok);
    };
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (error) => end(false, `could not start (${error.message})`));
    child.once('close', (code, signal) => end(code === 0, code === 0 ? 'ok' : `failed (${signal ?? `exit ${code}`})`));
  });

const results = await Promise.all(scripts.map(run));
process.exitCode = results.every(Boolean) ? 0 : 1;
