import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const projectRoot = resolve(import.meta.dirname, '../..');

/** What every service a test file started printed, newest last: shown when a test fails. */
const outputs: { readonly args: readonly string[]; readonly text: () => string }[] = [];

/** The tail of each service's output, for a failed test's report. */
export const serviceOutputs = (chars = 4000): string =>
  outputs.map(({ args, text }) => `--- npm start ${args.join(' ')}\n${text().slice(-chars)}`).join('\n');

/** Services still running: a test that fails half-way leaves its service to `stopServices`. */
const running = new Set<{ readonly child: ChildProcess; readonly exited: Promise<number | null> }>();

/** Stops, as Ctrl-C would, every service a test file started and left running; for its afterAll. */
export const stopServices = async (): Promise<void> => {
  for (const service of running) service.child.kill('SIGINT');
  await Promise.all([...running].map(({ exited }) => exited));
};

/** Runs `bin/local.ts` as `npm start` does, in its own process, and resolves once it says it is ready. */
export const startService = async (args: readonly string[], env: NodeJS.ProcessEnv = process.env) => {
  const child = spawn(process.execPath, ['bin/local.ts', ...args], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  outputs.push({ args, text: () => output });
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  const service = { child, exited };
  running.add(service);
  void exited.then(() => running.delete(service));
  await new Promise<void>((ready, fail) => {
    const timer = setInterval(() => {
      if (output.includes('Ctrl-C stops everything')) {
        clearInterval(timer);
        ready();
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(timer);
      fail(new Error(`exited with ${code} before it was ready:\n${output}`));
    });
  });
  return { child, exited, output: () => output };
};

export const waitFor = async (condition: () => boolean, timeoutMs: number): Promise<void> => {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`not done within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 200));
  }
};
