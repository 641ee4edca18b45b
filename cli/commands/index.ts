import type { Command } from '../command.ts';
import { check } from './check.ts';
import { figureSet } from './figure-set.ts';
import { importFile } from './import.ts';
import { proposalAccept, proposalList, proposalReject } from './proposal.ts';
import { redriveCli } from './redrive.ts';
import { reportAdd } from './report-add.ts';
import { state } from './state.ts';
import { status } from './status.ts';
import { token } from './token.ts';
import { watchAdd } from './watch-add.ts';
import { watchList } from './watch-list.ts';
import { watchRm } from './watch-rm.ts';
import { watchTest } from './watch-test.ts';

/** Every command, in the order the usage lists them. */
export const commands: readonly Command[] = [
  status,
  state,
  watchAdd,
  watchList,
  watchRm,
  watchTest,
  reportAdd,
  proposalList,
  proposalAccept,
  proposalReject,
  figureSet,
  importFile,
  check,
  redriveCli,
  token,
];
