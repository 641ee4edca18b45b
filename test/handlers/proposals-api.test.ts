import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoSourceStore } from '../../lambdas/adapters/dynamodb/source-repository.ts';
import { seedReferenceData } from '../../lambdas/core/reference/seed-reference-data.ts';
import type { ProposalView } from '../../lambdas/core/sources/proposal-response-schema.ts';
import { acceptProposal, CLAIM_SECONDS } from '../../lambdas/core/sources/review-proposal.ts';
import { runSourceCheck } from '../../lambdas/core/sources/run-source-check.ts';
import { proposalIdOf } from '../../lambdas/core/sources/stored-proposal.ts';
import { startTestApi } from '../support/local-api.ts';
import { fixtureFeeds } from '../support/source-check.ts';

let api: Awaited<ReturnType<typeof startTestApi>>;
let closeFeeds: () => Promise<void>;
beforeAll(async () => {
  api = await startTestApi();
  await seedReferenceData(api.deps);
  const fixtures = await fixtureFeeds();
  closeFeeds = fixtures.server.close;
  await runSourceCheck(new Date('2024-09-12T06:00:00Z'), { ...api.deps, ...fixtures });
});
afterAll(async () => {
  await closeFeeds();
  await api.close();
});

type ListBody = { count: number; proposals: ProposalView[]; next?: string };
type StateBody = { obligations: { reports: { symbol?: string }[] }[] };
const idOf = proposalIdOf;

const symbolsReportedBy = async (state: string): Promise<(string | undefined)[]> =>
  ((await api.request(`/states/${state}`)).json as StateBody).obligations.flatMap((o) =>
    o.reports.map((report) => report.symbol),
  );

/** The table's proposals, each read held back until `readers` reads have been made: two reviews that both saw it pending. */
class ReadTogether extends DynamoSourceStore {
  #waiting: number;
  readonly #allRead: Promise<void>;
  #release = () => {};

  constructor(readers: number) {
    super(api.documentClient, api.tableName);
    this.#waiting = readers;
    this.#allRead = new Promise((resolve) => {
      this.#release = resolve;
    });
  }

  override async getProposal(id: string) {
    const proposal = await super.getProposal(id);
    this.#waiting -= 1;
    if (this.#waiting === 0) this.#release();
    await this.#allRead;
    return proposal;
  }
}

describe('GET /proposals', () => {
  it('lists the pending proposals to admins only', async () => {
    const anonymous = await api.request('/proposals');
    const user = await api.request('/proposals', { as: 'user' });
    const admin = await api.request('/proposals', { as: 'admin' });

    expect([anonymous.status, user.status, admin.status]).toEqual([401, 403, 200]);
    const body = admin.json as ListBody;
    expect(body.count).toBe(9);
    expect(body.proposals.find((p) => p.document.symbol === 'S/AC.49/2024/6')).toMatchObject({
      id: idOf('S/AC.49/2024/6'),
      status: 'pending',
      state: 'EG',
      committee: '1718',
      datedOn: '2024-09-11',
      amendments: ['S/AC.49/2024/6/Corr.1', 'S/AC.49/2024/6/Rev.1'],
    });
  });

  it('pages by `next`, and names a bad status', async () => {
    const first = (await api.request('/proposals?limit=5', { as: 'admin' })).json as ListBody;
    const rest = (
      await api.request(`/proposals?limit=5&after=${encodeURIComponent(first.next ?? '')}`, { as: 'admin' })
    ).json as ListBody;
    const bad = await api.request('/proposals?status=maybe', { as: 'admin' });

    expect(first.count + rest.count).toBe(9);
    expect(new Set([...first.proposals, ...rest.proposals].map((p) => p.id)).size).toBe(9);
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: { field: 'status' } });
  });
});

describe('POST /proposals/{id}/accept', () => {
  it('records the report through the report path, with the document as its source; twice is a 409', async () => {
    const path = `/proposals/${idOf('S/AC.49/2024/10')}/accept`;

    const accepted = await api.send('POST', path, { obligationId: '2397-p8-final' });
    const again = await api.send('POST', path, { obligationId: '2397-p8-final' });

    expect(accepted.status).toBe(201);
    expect(accepted.json).toMatchObject({
      proposal: {
        status: 'accepted',
        decision: { by: expect.any(String), report: { state: 'CI', reportDate: '2024-09-06' } },
      },
      report: {
        state: 'CI',
        obligationId: '2397-p8-final',
        reportDate: '2024-09-06',
        publishedOn: '2024-09-12',
        symbol: 'S/AC.49/2024/10',
        url: 'https://example.org/S-AC.49-2024-10.pdf',
        source: { kind: 'un-document', url: 'https://example.org/S-AC.49-2024-10.pdf' },
      },
    });
    expect(again.status).toBe(409);
    const state = (await api.request('/states/CI')).json as { obligations: { reports: { symbol?: string }[] }[] };
    expect(state.obligations.flatMap((o) => o.reports.map((report) => report.symbol))).toContain('S/AC.49/2024/10');
    const listed = (await api.request('/proposals?status=accepted', { as: 'admin' })).json as ListBody;
    expect(listed.proposals.map((p) => p.document.symbol)).toEqual(['S/AC.49/2024/10']);
  });

  it('asks for what the proposal did not settle, naming the field; refuses a bad correction and an unknown id', async () => {
    const observer = `/proposals/${idOf('S/AC.49/2024/8')}/accept`;

    const noState = await api.send('POST', observer, { obligationId: '2397-p8-final' });
    const noObligation = await api.send('POST', observer, { state: 'VA' });
    const badState = await api.send('POST', observer, { state: 'Egypt', obligationId: '2397-p8-final' });
    const badDate = await api.send('POST', observer, { state: 'EG', reportDate: '11 September' });
    const unknownField = await api.send('POST', observer, { country: 'EG' });
    const unknown = await api.send('POST', `/proposals/${idOf('S/AC.49/2099/1')}/accept`, {});
    const user = await api.send('POST', observer, {}, 'user');

    expect(
      [noState, noObligation, badState, badDate, unknownField].map((r) => [
        r.status,
        (r.json as { error: { field?: string } }).error.field,
      ]),
    ).toEqual([
      [400, 'state'],
      [400, 'obligationId'],
      [400, 'state'],
      [400, 'reportDate'],
      [400, 'country'],
    ]);
    expect(unknown.status).toBe(404);
    expect(user.status).toBe(403);
  });

  it('lets one of two admins accepting at once with different corrections record the report; the other gets a 409', async () => {
    const id = idOf('S/AC.49/2024/13');
    const deps = { ...api.deps, sources: new ReadTogether(2) };

    const outcomes = await Promise.allSettled([
      acceptProposal(id, { state: 'VE', obligationId: '2397-p8-final' }, 'ada-admin', deps),
      acceptProposal(id, { state: 'SD', obligationId: '2397-p8-final' }, 'abe-admin', deps),
    ]);

    const accepted = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(accepted).toHaveLength(1);
    expect(refused).toEqual([expect.objectContaining({ kind: 'conflict' })]);
    const winner = accepted[0]?.report.state;
    const reportedBy = await Promise.all(['VE', 'SD'].map(symbolsReportedBy));
    expect(reportedBy.flat().filter((symbol) => symbol === 'S/AC.49/2024/13')).toHaveLength(1);
    const listed = (await api.request('/proposals?status=accepted', { as: 'admin' })).json as ListBody;
    expect(listed.proposals.find((p) => p.id === id)?.decision?.report?.state).toBe(winner);
  });

  it('takes a correction of the state for a sender the service did not know', async () => {
    const response = await api.send('POST', `/proposals/${idOf('S/AC.49/2024/11')}/accept`, {
      state: 'eg',
      obligationId: '2397-p8-final',
    });

    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({ report: { state: 'EG', reportDate: '2024-09-06' } });
  });
});

describe('an accept the report path refuses', () => {
  it('leaves the proposal pending: it can be accepted with a correction, or rejected, at once', async () => {
    const observer = `/proposals/${idOf('S/AC.49/2024/8')}/accept`;
    const alreadyReported = idOf('S/AC.49/2024/9');

    const unknownObligation = await api.send('POST', observer, { state: 'EG', obligationId: 'no-such-obligation' });
    const corrected = await api.send('POST', observer, { state: 'EG', obligationId: '2397-p8-final' });
    const duplicate = await api.send('POST', `/proposals/${alreadyReported}/accept`, { obligationId: '2397-p8-final' });
    const rejected = await api.send('POST', `/proposals/${alreadyReported}/reject`, {
      reason: 'The same report as S/AC.49/2024/10',
    });

    expect(unknownObligation.status).toBe(400);
    expect(unknownObligation.json).toMatchObject({ error: { field: 'obligationId' } });
    expect(corrected.status).toBe(201);
    expect(duplicate.status).toBe(409);
    expect(duplicate.json).toMatchObject({ error: { code: 'report-exists' } });
    expect(rejected.status).toBe(200);
  });
});

describe('a proposal another admin is accepting', () => {
  it('is a 409 to accept or reject until that hold runs out (a function that died holding it); GET /proposals shows no hold', async () => {
    const id = idOf('S/AC.49/2024/6');
    await api.deps.sources.claim(id, 'otto-admin', api.deps.clock.now(), CLAIM_SECONDS);

    const accept = await api.send('POST', `/proposals/${id}/accept`, { obligationId: '2397-p8-final' });
    const reject = await api.send('POST', `/proposals/${id}/reject`, { reason: 'Not a report' });
    const listed = (await api.request('/proposals', { as: 'admin' })).json as ListBody;
    api.moveClock(CLAIM_SECONDS);
    const acceptLater = await api.send('POST', `/proposals/${id}/accept`, { obligationId: '2397-p8-final' });

    expect([accept.status, reject.status]).toEqual([409, 409]);
    expect(accept.json).toMatchObject({
      error: { code: 'proposal-being-reviewed', message: expect.stringContaining('otto-admin') },
    });
    expect(reject.json).toMatchObject({ error: { code: 'proposal-being-reviewed' } });
    expect(Object.keys(listed.proposals.find((p) => p.id === id) ?? {})).not.toContain('claim');
    expect(acceptLater.status).toBe(201);
  });
});

describe('POST /proposals/{id}/reject', () => {
  it('needs a reason, keeps it, and rejects once', async () => {
    const path = `/proposals/${idOf('S/2024/670')}/reject`;

    const noReason = await api.send('POST', path, {});
    const rejected = await api.send('POST', path, { reason: 'A letter to the Security Council, not a report' });
    const again = await api.send('POST', path, { reason: 'again' });

    expect(noReason.status).toBe(400);
    expect(noReason.json).toMatchObject({ error: { field: 'reason' } });
    expect(rejected.status).toBe(200);
    expect(rejected.json).toMatchObject({
      proposal: { status: 'rejected', decision: { reason: 'A letter to the Security Council, not a report' } },
    });
    expect(again.status).toBe(409);
  });
});
