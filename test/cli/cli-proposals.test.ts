import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../cli/api-client.ts';
import { ApiError } from '../../cli/api-errors.ts';
import {
  parseProposalAcceptArgs,
  parseProposalListArgs,
  parseProposalRejectArgs,
  proposalAcceptCommand,
  proposalListCommand,
  proposalRejectCommand,
} from '../../cli/commands/proposal.ts';
import { runSourceCheck } from '../../lambdas/core/sources/run-source-check.ts';
import { proposalIdOf } from '../../lambdas/core/sources/stored-proposal.ts';
import { startSeededTestApi } from '../support/seeded-api.ts';
import { fixtureFeeds } from '../support/source-check.ts';

let api: Awaited<ReturnType<typeof startSeededTestApi>>;
let closeFeeds: () => Promise<void>;
beforeAll(async () => {
  api = await startSeededTestApi();
  const fixtures = await fixtureFeeds();
  closeFeeds = fixtures.server.close;
  await runSourceCheck(new Date('2024-09-12T06:00:00Z'), { ...api.deps, ...fixtures });
});
afterAll(async () => {
  await closeFeeds();
  await api.close();
});

describe('sanctions-watch proposal list | accept | reject', () => {
  it('lists the pending proposals, accepts one as a report, rejects another with its reason', async () => {
    const admin = createApiClient({ baseUrl: api.url, token: api.tokens.admin });
    const run = <O>(
      parse: (args: readonly string[]) => { options: O },
      command: (o: O, c: typeof admin) => Promise<{ lines: readonly string[] }>,
      args: string[],
    ) => command(parse(args).options, admin);

    const listed = await run(parseProposalListArgs, proposalListCommand, ['--limit', '50']);
    const accepted = await run(parseProposalAcceptArgs, proposalAcceptCommand, [
      proposalIdOf('S/AC.49/2024/6'),
      '--obligation',
      '2397-p8-final',
    ]);
    const rejected = await run(parseProposalRejectArgs, proposalRejectCommand, [
      proposalIdOf('S/2024/670'),
      '--reason',
      'A letter to the Security Council',
    ]);

    expect(listed.lines).toContain(
      `${proposalIdOf('S/AC.49/2024/6')}  S/AC.49/2024/6  EG  1718  2024-09-11  (no obligation)  amended by S/AC.49/2024/6/Corr.1, S/AC.49/2024/6/Rev.1`,
    );
    expect(listed.lines.at(-1)).toBe('9 proposals.');
    expect(accepted.lines).toEqual(["Accepted: recorded EG's report on 2397-p8-final, dated 2024-09-11."]);
    expect(rejected.lines).toEqual(['Rejected S/2024/670.']);
    await expect(
      run(parseProposalAcceptArgs, proposalAcceptCommand, [proposalIdOf('S/AC.49/2024/6')]),
    ).rejects.toBeInstanceOf(ApiError);
  });
});
