import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoSourceStore } from '../../lambdas/adapters/dynamodb/source-repository.ts';
import { type Proposal, proposalFor } from '../../lambdas/core/sources/document-proposal.ts';
import type { SourceDocument } from '../../lambdas/core/sources/source-document.ts';
import { proposalIdOf } from '../../lambdas/core/sources/stored-proposal.ts';
import { isoDate } from '../../lambdas/core/time/calendar-date.ts';
import { createTestTable } from '../support/test-table.ts';

let sources: DynamoSourceStore;
beforeAll(async () => {
  const table = await createTestTable();
  sources = new DynamoSourceStore(table.documentClient, table.tableName);
});

const note = (symbol: string, state = 'Egypt'): SourceDocument => ({
  symbol,
  title: `Note verbale dated 11 September 2024 from the Permanent Mission of ${state} to the United Nations addressed to the Chair of the Committee`,
  publishedOn: isoDate('2024-09-12'),
  languages: ['E'],
});

const propose = (document: SourceDocument): Proposal =>
  proposalFor(document, { obligations: [], reportedObligationIds: () => new Set(), windowDays: 45 });

const found = (symbol: string, foundAt = '2024-09-12T10:00:00.000Z', state?: string) => ({
  feed: 'daily-issuance' as const,
  foundAt,
  proposal: propose(note(symbol, state)),
});

const AT = new Date('2024-09-14T00:00:00.000Z');
const secondsAfter = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);
const decisionBy = (by: string) => ({ by, at: AT.toISOString() });

describe('source documents on DynamoDB Local', () => {
  it('stores a symbol once: a re-run or an overlapping window adds nothing', async () => {
    expect(await sources.store(found('S/AC.49/2024/6'))).toBe('stored');
    expect(await sources.store(found('S/AC.49/2024/6', '2024-09-12T11:00:00.000Z'))).toBe('exists');

    const { proposals } = await sources.listProposals({ status: 'pending', limit: 50 });
    expect(proposals.map((p) => [p.proposal.document.symbol, p.proposal.state, p.foundAt])).toEqual([
      ['S/AC.49/2024/6', 'EG', '2024-09-12T10:00:00.000Z'],
    ]);
  });

  it('links a corrigendum to its original, found before or after it, and never lists it as a proposal', async () => {
    expect(await sources.store(found('S/AC.49/2024/9/Corr.1', '2024-09-12T09:00:00.000Z'))).toBe('stored');
    expect(await sources.store(found('S/AC.49/2024/9/Corr.1'))).toBe('exists');
    expect(await sources.store(found('S/AC.49/2024/9', '2024-09-12T12:00:00.000Z', 'Latvia'))).toBe('stored');
    await sources.store(found('S/AC.49/2024/9/Rev.1', '2024-09-12T13:00:00.000Z'));

    const original = await sources.getProposal(proposalIdOf('S/AC.49/2024/9'));
    expect(original?.amendments).toEqual(['S/AC.49/2024/9/Corr.1', 'S/AC.49/2024/9/Rev.1']);
    expect(original?.proposal.state).toBe('LV');
    expect(await sources.getProposal(proposalIdOf('S/AC.49/2024/9/Corr.1'))).toBeUndefined();
    const { proposals } = await sources.listProposals({ status: 'pending', limit: 50 });
    expect(proposals.map((p) => p.proposal.document.symbol)).toEqual(['S/AC.49/2024/6', 'S/AC.49/2024/9']);
  });

  it('pages proposals oldest first', async () => {
    for (const n of [20, 21, 22]) await sources.store(found(`S/AC.49/2024/${n}`, `2024-09-13T0${n - 20}:00:00.000Z`));

    const first = await sources.listProposals({ status: 'pending', limit: 2 });
    const second = await sources.listProposals({
      status: 'pending',
      limit: 2,
      ...(first.next ? { after: first.next } : {}),
    });
    const third = await sources.listProposals({
      status: 'pending',
      limit: 2,
      ...(second.next ? { after: second.next } : {}),
    });

    expect(
      [...first.proposals, ...second.proposals, ...third.proposals].map((p) => p.proposal.document.symbol),
    ).toEqual(['S/AC.49/2024/6', 'S/AC.49/2024/9', 'S/AC.49/2024/20', 'S/AC.49/2024/21', 'S/AC.49/2024/22']);
    expect(third.next).toBeUndefined();
  });

  it('decides a pending proposal once; deciding again is a conflict', async () => {
    const id = proposalIdOf('S/AC.49/2024/20');
    await sources.decide(id, 'rejected', { by: 'admin', at: '2024-09-14T00:00:00.000Z', reason: 'a duplicate' }, AT);

    await expect(sources.claim(id, 'admin', AT, 120)).rejects.toMatchObject({
      kind: 'conflict',
      code: 'proposal-decided',
    });
    expect((await sources.getProposal(id))?.decision?.reason).toBe('a duplicate');
    const { proposals } = await sources.listProposals({ status: 'rejected', limit: 10 });
    expect(proposals.map((p) => p.id)).toEqual([id]);
  });

  it('lets one reviewer hold a pending proposal: no one else takes it, accepts it or rejects it until the hold runs out', async () => {
    const id = proposalIdOf('S/AC.49/2024/21');
    const ada = await sources.claim(id, 'ada', AT, 120);
    const beingReviewed = { kind: 'conflict', code: 'proposal-being-reviewed' };

    await expect(sources.claim(id, 'abe', secondsAfter(AT, 119), 120)).rejects.toMatchObject(beingReviewed);
    await expect(sources.decide(id, 'rejected', decisionBy('abe'), secondsAfter(AT, 119))).rejects.toMatchObject(
      beingReviewed,
    );
    const abe = await sources.claim(id, 'abe', secondsAfter(AT, 120), 120);
    await expect(sources.decide(id, 'accepted', decisionBy('ada'), ada)).rejects.toMatchObject(beingReviewed);
    await sources.decide(id, 'accepted', decisionBy('abe'), abe);

    expect(await sources.getProposal(id)).toMatchObject({ status: 'accepted', decision: { by: 'abe' } });
  });

  it('lets go of a hold: the proposal can be taken again at once; letting go of a hold taken since changes nothing', async () => {
    const id = proposalIdOf('S/AC.49/2024/22');
    const ada = await sources.claim(id, 'ada', AT, 120);
    await sources.release(id, ada);
    const abe = await sources.claim(id, 'abe', AT, 120);
    await sources.release(id, ada);

    await expect(sources.decide(id, 'rejected', decisionBy('ada'), AT)).rejects.toMatchObject({
      code: 'proposal-being-reviewed',
    });
    await sources.decide(id, 'accepted', decisionBy('abe'), abe);
    expect((await sources.getProposal(id))?.status).toBe('accepted');
  });

  it('refuses an accept whose hold ran out, even when no one holds the proposal now', async () => {
    const id = proposalIdOf('S/AC.49/2024/9');
    const ada = await sources.claim(id, 'ada', AT, 120);
    await sources.release(id, await sources.claim(id, 'abe', secondsAfter(AT, 121), 120));

    await expect(sources.decide(id, 'accepted', decisionBy('ada'), ada)).rejects.toMatchObject({
      code: 'proposal-hold-lost',
    });
    expect((await sources.getProposal(id))?.status).toBe('pending');
  });

  it("moves each feed's watermark forward only", async () => {
    expect(await sources.watermark('digital-library')).toBeUndefined();
    await sources.advanceWatermark('digital-library', 201);
    await sources.advanceWatermark('digital-library', 1);
    await sources.advanceWatermark('daily-issuance', '2024-09-12');
    await sources.advanceWatermark('daily-issuance', '2024-09-11');

    expect(await sources.watermark('digital-library')).toBe(201);
    expect(await sources.watermark('daily-issuance')).toBe('2024-09-12');
  });

  it('knows no proposal by an id it did not make', async () => {
    expect(await sources.getProposal('not base64url!')).toBeUndefined();
    expect(await sources.getProposal(proposalIdOf('S/AC.49/2099/1'))).toBeUndefined();
  });
});
