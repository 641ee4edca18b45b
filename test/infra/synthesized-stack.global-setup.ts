import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { type SynthesisStatus, synthesisPaths } from './synthesis-paths.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where this run's bundled synthesis goes; synthesizedStack() waits for it. */
    synthesisDirectory: string;
  }
}

const projectRoot = path.resolve(import.meta.dirname, '../..');

/** Starts `node test/infra/synthesize-stack.ts` into a new directory; the status file tells when it is over. */
function startSynthesis(): { directory: string; stop(): void } {
  const paths = synthesisPaths(mkdtempSync(path.join(tmpdir(), 'sanctions-watch-synth-')));
  const log = openSync(paths.log, 'w');
  const child = spawn(process.execPath, [path.join(projectRoot, 'test/infra/synthesize-stack.ts'), paths.assembly], {
    cwd: projectRoot,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  child.on('exit', (code, signal) => {
    const status: SynthesisStatus = { ok: code === 0, exit: signal ?? code };
    // Renamed into place, so that a reader never sees half a file.
    writeFileSync(`${paths.status}.tmp`, JSON.stringify(status));
    renameSync(`${paths.status}.tmp`, paths.status);
  });
  return {
    directory: paths.directory,
    stop: () => {
      child.removeAllListeners('exit');
      child.kill();
      rmSync(paths.directory, { recursive: true, force: true });
    },
  };
}

/**
 * Bundles the stack's 66 functions once per test run for all the infra test files: in one esbuild
 * run (lib/function-bundles.ts) that still takes about 15 s, too long to repeat per file. Vitest
 * runs this only when infra tests are selected. The synthesis runs in a child process, so the other
 * projects' tests start meanwhile.
 */
export default function setup(project: TestProject): () => void {
  let synthesis = startSynthesis();
  project.provide('synthesisDirectory', synthesis.directory);
  // In watch mode the code may have changed since: synthesize again before the infra tests rerun.
  project.onTestsRerun((specifications) => {
    if (!specifications.some((specification) => specification.project.name === project.name)) return;
    synthesis.stop();
    synthesis = startSynthesis();
    project.provide('synthesisDirectory', synthesis.directory);
  });
  return () => synthesis.stop();
}
