import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { customGroupStore, metricCatalogue, obligationCatalogue } from '../../lambdas/adapters/dynamodb/catalogues.ts';
import { DomainError } from '../../lambdas/core/errors.ts';
import { defineObligation } from '../../lambdas/core/obligations/obligation.ts';
import { seedObligations } from '../../lambdas/core/reference/obligations.ts';
import { seedReferenceData } from '../../lambdas/core/reference/seed-reference-data.ts';
import { isoDate } from '../../lambdas/core/time/calendar-date.ts';
import { midtermStoredBeforeDueRules } from '../support/registry-obligations.ts';
import { createTestTable } from '../support/test-table.ts';

let table: Awaited<ReturnType<typeof createTestTable>>;
beforeAll(async () => {
  table = await createTestTable();
});

const periodicReport = defineObligation({
  id: '2397-p9-90-day',
  resolution: '2397',
  paragraph: '9',
  title: '90-day implementation report',
  description: 'A periodic report an admin adds later.',
  kind: 'report',
  adoptedOn: isoDate('2017-12-22'),
  dueOffsetMonths: 3,
  appliesTo: { scope: 'group', groupId: 'dprk-worker-hosts' },
  source: { document: 'S/RES/2397 (2017)' },
});

describe('obligations catalogue on DynamoDB Local', () => {
  it("seeds the registry's obligations and the metrics once and keeps an admin edit on re-seed", async () => {
    const catalogue = obligationCatalogue(table.documentClient, table.tableName);
    const catalogues = { obligations: catalogue, metrics: metricCatalogue(table.documentClient, table.tableName) };
    const seededIds = [
      ...seedObligations.map(({ id }) => id),
      'workers.repatriated',
      'workers.remaining',
      'work-permits.valid',
      'workers.estimated',
      'revenue.estimated',
    ];
    expect(seededIds).toEqual(expect.arrayContaining(['2397-p8-midterm', '2397-p8-repatriation', '2397-p8-final']));
    expect(await seedReferenceData(catalogues)).toEqual({ created: seededIds, existing: [], filled: [] });
    const seeded = await catalogue.get('2397-p8-final');
    expect(seeded).toBeDefined();
    const edited = { ...seeded, title: 'Final report (edited by an admin)' };
    await table.documentClient.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { PK: 'OBLIGATION', SK: 'OBLIGATION#2397-p8-final', itemType: 'obligation', ...edited },
      }),
    );

    expect(await seedReferenceData(catalogues)).toEqual({ created: [], existing: seededIds, filled: [] });
    expect((await catalogue.get('2397-p8-final'))?.title).toBe('Final report (edited by an admin)');
  });

  it('creates a new obligation, lists it, and refuses to create it twice', async () => {
    const catalogue = obligationCatalogue(table.documentClient, table.tableName);
    await catalogue.create(periodicReport);

    // Read back as stored: the registry's fields are the seed's to fill in (below).
    expect(await catalogue.get('2397-p9-90-day')).toEqual(periodicReport);
    expect((await catalogue.list()).map((o) => o.id)).toContain('2397-p9-90-day');
    const second = await catalogue.create({ ...periodicReport, title: 'clobber' }).catch((error: unknown) => error);
    expect(second).toBeInstanceOf(DomainError);
    expect(second).toMatchObject({ kind: 'conflict', code: 'obligation-exists', field: 'id' });
    expect((await catalogue.get('2397-p9-90-day'))?.title).toBe('90-day implementation report');
  });

  it("fills the registry's fields into obligations stored without them, an old item's and an admin's, keeping what they state", async () => {
    const catalogue = obligationCatalogue(table.documentClient, table.tableName);
    const catalogues = { obligations: catalogue, metrics: metricCatalogue(table.documentClient, table.tableName) };
    // As stored before due rules and before the registry had quotes, committees and regimes.
    await table.documentClient.send(
      new PutCommand({
        TableName: table.tableName,
        Item: {
          PK: 'OBLIGATION',
          SK: 'OBLIGATION#2397-p8-midterm',
          itemType: 'obligation',
          ...midtermStoredBeforeDueRules,
          title: 'Midterm report (an old item)',
        },
      }),
    );
    expect((await catalogue.get('2397-p8-midterm'))?.quote).toBeUndefined();

    const { filled } = await seedReferenceData(catalogues);

    expect([...filled].sort()).toEqual(['2397-p8-midterm', '2397-p9-90-day']);
    const midterm = await catalogue.get('2397-p8-midterm');
    expect(midterm).toMatchObject({
      title: 'Midterm report (an old item)',
      due: { type: 'once', within: { months: 15 }, trigger: { from: 'adoption' } },
      committee: '1718',
      regime: 'dprk',
      source: {
        document: 'S/RES/2397 (2017)',
        url: 'https://diplomaticwatch.com/qatar-150-north-korean-workers-remain-in-country/',
      },
    });
    expect(midterm?.quote).toContain('midterm report');
    // An admin's obligation of a resolution the registry knows gets that resolution's committee and regime.
    expect(await catalogue.get('2397-p9-90-day')).toEqual({ ...periodicReport, committee: '1718', regime: 'dprk' });
    expect((await seedReferenceData(catalogues)).filled).toEqual([]);
  });

  it('answers undefined for an unknown id', async () => {
    const catalogue = obligationCatalogue(table.documentClient, table.tableName);
    expect(await catalogue.get('no-such-obligation')).toBeUndefined();
  });

  it('names the item and the field when a stored obligation was corrupted by hand', async () => {
    await table.documentClient.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { PK: 'OBLIGATION', SK: 'OBLIGATION#broken', itemType: 'obligation', id: 'broken', dueDate: 'soon' },
      }),
    );
    const catalogue = obligationCatalogue(table.documentClient, table.tableName);
    await expect(catalogue.get('broken')).rejects.toThrow(/OBLIGATION\/OBLIGATION#broken is malformed/);
  });
});

describe('custom groups on DynamoDB Local', () => {
  it('stores a group, finds it, and refuses a second group with the same id', async () => {
    const groups = customGroupStore(table.documentClient, table.tableName);
    const gulf = { id: 'gulf-employers', name: 'Gulf employers', kind: 'custom' as const, members: ['AE', 'KW', 'QA'] };
    await groups.create(gulf);

    expect(await groups.get('gulf-employers')).toEqual(gulf);
    expect(await groups.list()).toEqual([gulf]);
    await expect(groups.create({ ...gulf, members: ['CN'] })).rejects.toMatchObject({
      kind: 'conflict',
      code: 'group-exists',
    });
    expect((await groups.get('gulf-employers'))?.members).toEqual(['AE', 'KW', 'QA']);
  });
});
