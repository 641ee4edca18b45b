import { runScript, type ScriptRun } from '../support/run-script.ts';

/**
 * Runs `bin/cli.ts` as a child process, as `npx sanctions-watch` would. The SANCTIONS_WATCH_
 * variables of the machine are removed, so only the arguments decide the API and the token.
 */
export const runCli = (args: readonly string[]): Promise<ScriptRun> =>
  runScript(
    'bin/cli.ts',
    args,
    Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('SANCTIONS_WATCH_'))),
  );
