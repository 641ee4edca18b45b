import type { Command } from './command.ts';
import { commonUsage, wantsHelp } from './command-args.ts';

/** What the first words of the command line ask for. */
export type Selection =
  | { readonly kind: 'run'; readonly command: Command; readonly args: readonly string[] }
  /** Usage asked for: printed on stdout, exit 0. */
  | { readonly kind: 'help'; readonly text: string }
  /** No command, or an unknown one: the message and usage on stderr, exit 2. */
  | { readonly kind: 'usage-error'; readonly message: string; readonly text: string };

const listing = (commands: readonly Command[]): string => {
  const width = Math.max(...commands.map((command) => command.name.length));
  return commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n');
};

export const topUsage = (
  commands: readonly Command[],
): string => `usage: sanctions-watch <command> [arguments] [--api URL] [--token JWT] [--json]

commands:
${listing(commands)}

sanctions-watch <command> --help tells more about each. In this project: npx sanctions-watch ..., or npm run -s cli -- ...
${commonUsage}`;

/** A command's usage, with the common options for those that talk to the API. */
export const commandUsage = (command: Command): string =>
  command.access === 'offline' ? command.usage : `${command.usage}\n${commonUsage}`;

const isHelp = (word: string | undefined): boolean => word === '--help' || word === '-h' || word === 'help';

/** Finds the command named by the first one or two words: `status`, `watch add`. */
export const selectCommand = (commands: readonly Command[], argv: readonly string[]): Selection => {
  const [first, second] = argv;
  if (first === undefined) return { kind: 'usage-error', message: 'error: name a command', text: topUsage(commands) };
  if (isHelp(first)) return { kind: 'help', text: topUsage(commands) };
  const pair = commands.find((command) => command.name === `${first} ${second ?? ''}`);
  const single = commands.find((command) => command.name === first);
  const chosen = pair ?? single;
  if (chosen) {
    const args = argv.slice(pair ? 2 : 1);
    return wantsHelp(args) ? { kind: 'help', text: commandUsage(chosen) } : { kind: 'run', command: chosen, args };
  }
  // A group such as `watch`: list its commands.
  const group = commands.filter((command) => command.name.startsWith(`${first} `));
  if (group.length > 0) {
    const text = `usage: sanctions-watch ${first} <${group.map((command) => command.name.slice(first.length + 1)).join('|')}> ...\n\n${listing(group)}`;
    if (isHelp(second)) return { kind: 'help', text };
    const message =
      second === undefined ? `error: "${first}" needs a sub-command` : `error: unknown command "${first} ${second}"`;
    return { kind: 'usage-error', message, text };
  }
  return { kind: 'usage-error', message: `error: unknown command "${first}"`, text: topUsage(commands) };
};
