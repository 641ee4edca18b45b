import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const projectRoot = resolve(import.meta.dirname, '../..');

/** A service started as `npm start` starts it: its process, its exit code once it exits, and what it printed. */
export interface StartedService {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  readonly output: () => string;
}

/**
 * The services one test (or one test file) starts, so that stopping them after a test that failed
 * half-way leaves the services of tests running beside it alone.
 */
export interface ServiceGroup {
  /** Runs `bin/local.ts` as `npm start` does, in its own process, and resolves once it says it is ready. */
  readonly start: (args: readonly string[], env?: NodeJS.ProcessEnv) => Promise<StartedService>;
  /** Stops, as Ctrl-C would, every service of the group still running. */
  readonly stop: () => Promise<void>;
  /** The tail of what each service of the group printed, newest last, for a failed test's report. */
  readonly outputs: (chars?: number) => string;
}

export const serviceGroup = (): ServiceGroup => {
  const started: { readonly args: readonly string[]; readonly text: () => string }[] = [];
  const running = new Set<StartedService>();

  const start = async (args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<StartedService> => {
    const child = spawn(process.execPath, ['bin/local.ts', ...args], {
      cwd: projectRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.push({ args, text: () => output });
    const exited = new Promise<number | null>((done) => child.once('exit', done));
    const service = { child, exited, output: () => output };
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
    return service;
  };
  const stop = async (): Promise<void> => {
    for (const service of running) service.child.kill('SIGINT');
    await Promise.all([...running].map(({ exited }) => exited));
  };
  const outputs = (chars = 4000): string =>
    started.map(({ args, text }) => `--- npm start ${args.join(' ')}\n${text().slice(-chars)}`).join('\n');
  return { start, stop, outputs };
};

/** The services of a test file whose tests run one at a time; its afterAll calls `stopServices`. */
export const { start: startService, stop: stopServices, outputs: serviceOutputs } = serviceGroup();

export const waitFor = async (condition: () => boolean, timeoutMs: number): Promise<void> => {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`not done within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 200));
  }
};
