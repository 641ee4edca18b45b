#!/usr/bin/env node
import { commands } from '../cli/commands/index.ts';
import { connect } from '../cli/connect.ts';
import { errorLine } from '../cli/format-error.ts';
import { issueLocalToken } from '../cli/local-token.ts';
import { commandUsage, selectCommand } from '../cli/select-command.ts';
import { UsageError } from '../cli/usage-error.ts';

/**
 * `sanctions-watch <command> ...` (npx sanctions-watch, or npm run -s cli -- ...): the API for
 * people. This file only reads the command line, dispatches, prints and sets the exit code:
 * 0 done, 1 the API refused or could not be reached, 2 a bad command line (with usage on stderr).
 * The commands themselves live in cli/commands/, one per file.
 */
const main = async (argv: readonly string[]): Promise<number> => {
  const selection = selectCommand(commands, argv);
  if (selection.kind === 'help') {
    console.log(selection.text);
    return 0;
  }
  if (selection.kind === 'usage-error') {
    console.error(`${selection.message}\n${selection.text}`);
    return 2;
  }
  const { command, args } = selection;
  try {
    const invocation = command.parse(args);
    const client = await connect(command.access, invocation.common, process.env, issueLocalToken);
    const output = await invocation.run(client);
    console.log(invocation.common.json ? JSON.stringify(output.json, null, 2) : output.lines.join('\n'));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`error: ${error.message}\n${commandUsage(command)}`);
      return 2;
    }
    console.error(errorLine(error));
    return 1;
  }
};

process.exitCode = await main(process.argv.slice(2));
