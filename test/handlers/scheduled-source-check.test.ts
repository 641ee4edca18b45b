import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { appliesToAllStates, defineObligation } from '../../lambdas/core/obligations/obligation.ts';
import { seedReferenceData } from '../../lambdas/core/reference/seed-reference-data.ts';
import { runSourceCheck } from '../../lambdas/core/sources/run-source-check.ts';
import { isoDate } from '../../lambdas/core/time/calendar-date.ts';
import { handlerFor } from '../../lambdas/handlers/scheduled-source-check.ts';
import { localLambdaContext } from '../../local/lambda-context.ts';
import { scheduledEvent } from '../../local/local-schedule.ts';
import { fixtureFeeds } from '../support/source-check.ts';
import { testDependencies } from '../support/test-dependencies.ts';
import { createTestTable } from '../support/test-table.ts';

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

const AT = new Date('2024-09-12T06:00:00Z');

const jobOn = async (options: Parameters<typeof fixtureFeeds>[0] = {}) => {
  const deps = testDependencies(await createTestTable());
  await seedReferenceData(deps);
  const fixtures = await fixtureFeeds(options);
  closers.push(fixtures.server.close);
  const handler = handlerFor({ ...deps, feeds: fixtures.feeds, settings: fixtures.settings });
  return {
    deps: { ...deps, feeds: fixtures.feeds, settings: fixtures.settings },
    server: fixtures.server,
    invoke: (at = AT) => handler(scheduledEvent(at), localLambdaContext('scheduled-source-check', 60_000)),
  };
};

const row = (p: {
  proposal: { document: { symbol: string }; state?: string; committee?: string; datedOn?: string };
}) => [p.proposal.document.symbol, p.proposal.state ?? null, p.proposal.committee ?? null, p.proposal.datedOn ?? null];

describe('the scheduled source check (EventBridge)', () => {
  it('turns both feeds into proposals: state, committee and date where the document settles them; a re-run adds nothing', async () => {
    const job = await jobOn();

    const first = await job.invoke();
    const again = await job.invoke();

    expect(first).toEqual({
      at: '2024-09-12T06:00:00.000Z',
      proposals: 9,
      feeds: [
        { feed: 'daily-issuance', proposals: 7, failed: false },
        // Egypt's note is in both feeds: the daily list found it first.
        { feed: 'digital-library', proposals: 2, failed: false },
      ],
    });
    expect(again.proposals).toBe(0);
    const { proposals } = await job.deps.sources.listProposals({ status: 'pending', limit: 100 });
    expect(proposals.map(row).sort()).toEqual(
      [
        ['S/AC.49/2024/6', 'EG', '1718', '2024-09-11'],
        // Not a sanctions committee's series: a state and a date, no committee.
        ['S/2024/670', 'SD', null, '2024-09-10'],
        ['A/79/342', 'KP', null, '2024-09-09'],
        // An observer (the Holy See; the State of Palestine) and an unknown name: no state, never a guess.
        ['S/AC.49/2024/8', null, '1718', '2024-09-05'],
        ['S/AC.49/2024/13', null, '1718', '2024-10-03'],
        ['S/AC.49/2024/11', null, '1718', '2024-09-06'],
        // Two notes from one state on one day, in two word orders: two proposals.
        ['S/AC.49/2024/9', 'CI', '1718', '2024-09-06'],
        ['S/AC.49/2024/10', 'CI', '1718', '2024-09-06'],
        ['S/AC.49/2024/16', 'VE', '1718', '2024-10-09'],
      ].sort(),
    );
    // The corrigendum (daily list) and the revision (Digital Library) are on their original, not proposals.
    expect(proposals.find((p) => p.proposal.document.symbol === 'S/AC.49/2024/6')?.amendments).toEqual([
      'S/AC.49/2024/6/Corr.1',
      'S/AC.49/2024/6/Rev.1',
    ]);
    // The Digital Library is read from its watermark: record 8 on, after records 1 to 7.
    expect(job.server.requests.filter((path) => path.startsWith('/digital-library'))).toEqual([
      '/digital-library/search?p=191__a%3AS%2FAC.49*&so=a&of=xm&rg=200&jrec=1',
      '/digital-library/search?p=191__a%3AS%2FAC.49*&so=a&of=xm&rg=200&jrec=8',
    ]);
    expect(await job.deps.sources.watermark('digital-library')).toBe(8);
  });

  it('a day behind, reads the days it missed and today, and moves the daily watermark to today', async () => {
    const job = await jobOn();
    await job.deps.sources.advanceWatermark('daily-issuance', '2024-09-10');

    await job.invoke();

    expect(job.server.requests.filter((path) => path.startsWith('/daily-issuance'))).toEqual([
      '/daily-issuance/2024-09-10.json',
      '/daily-issuance/2024-09-11.json',
      '/daily-issuance/2024-09-12.json',
    ]);
    expect(await job.deps.sources.watermark('daily-issuance')).toBe('2024-09-12');
  });

  for (const fault of ['unavailable', 'timeout', 'malformed'] as const) {
    it(`one feed ${fault === 'malformed' ? 'sending a body no parser reads' : fault === 'timeout' ? 'timing out' : 'answering 503'} stops only that feed; the run then fails, for the retry and the dead-letter queue`, async () => {
      const job = await jobOn({ faults: { 'digital-library': fault } });

      await expect(job.invoke()).rejects.toThrow(/digital-library stopped/);

      const { proposals } = await job.deps.sources.listProposals({ status: 'pending', limit: 100 });
      expect(proposals).toHaveLength(7);
      expect(await job.deps.sources.watermark('daily-issuance')).toBe('2024-09-12');
      expect(await job.deps.sources.watermark('digital-library')).toBeUndefined();
    });
  }

  it('says where each unreadable record is, and where a feed stopped; counts each new proposal', async () => {
    const job = await jobOn({ faults: { 'digital-library': 'malformed' } });

    const outcome = await runSourceCheck(AT, job.deps);

    expect(
      outcome.feeds.map((feed) => [
        feed.feed,
        feed.recordErrors.map((error) => error.position),
        feed.failure?.position,
      ]),
    ).toEqual([
      ['daily-issuance', ['2024-09-12 record 9'], undefined],
      ['digital-library', [], 'jrec 1 body'],
    ]);
    const found = readFileSync(job.deps.metricsFile, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .reduce((sum, metric) => sum + Number(metric.ProposalsFound ?? 0), 0);
    expect(found).toBe(7);
  });

  it('with autoAccept, records the report of a note with one open obligation in its window; a second note that day waits for review', async () => {
    const job = await jobOn({ autoAccept: true });
    await job.deps.obligations.create(
      defineObligation({
        id: '1718-test-report',
        resolution: '1718',
        paragraph: '11',
        title: 'Test report',
        description: 'An obligation of the 1718 Committee due on 30 September 2024, for this test.',
        kind: 'report',
        adoptedOn: isoDate('2024-06-30'),
        dueOffsetMonths: 3,
        appliesTo: appliesToAllStates,
        source: { document: 'test' },
        committee: '1718',
      }),
    );

    await job.invoke();

    const accepted = await job.deps.sources.listProposals({ status: 'accepted', limit: 100 });
    expect(accepted.proposals.map((p) => [p.proposal.document.symbol, p.decision?.by, p.decision?.report])).toEqual([
      ['S/AC.49/2024/6', 'auto-accept', { state: 'EG', obligationId: '1718-test-report', reportDate: '2024-09-11' }],
      ['S/AC.49/2024/9', 'auto-accept', { state: 'CI', obligationId: '1718-test-report', reportDate: '2024-09-06' }],
      ['S/AC.49/2024/16', 'auto-accept', { state: 'VE', obligationId: '1718-test-report', reportDate: '2024-10-09' }],
    ]);
    const egypt = await job.deps.stateRecords.reportsOf('EG');
    expect(egypt).toEqual([
      expect.objectContaining({ obligationId: '1718-test-report', symbol: 'S/AC.49/2024/6', reportDate: '2024-09-11' }),
    ]);
    const pending = await job.deps.sources.listProposals({ status: 'pending', limit: 100 });
    expect(pending.proposals.map((p) => p.proposal.document.symbol)).toContain('S/AC.49/2024/10');
  });
});
