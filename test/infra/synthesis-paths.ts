import path from 'node:path';

/** How the synthesis of a test run ended: written once the child process exits. */
export interface SynthesisStatus {
  readonly ok: boolean;
  /** The exit code, or the signal that ended the process. */
  readonly exit: number | string | null;
}

/** The files of one test run's synthesis, inside the directory synthesized-stack.global-setup.ts provides. */
export const synthesisPaths = (directory: string) => ({
  directory,
  /** The cloud assembly, as `cdk synth` writes it to cdk.out. */
  assembly: path.join(directory, 'assembly'),
  /** What esbuild and CDK printed. */
  log: path.join(directory, 'synth.log'),
  /** A SynthesisStatus, present once the synthesis is over. */
  status: path.join(directory, 'status.json'),
});
