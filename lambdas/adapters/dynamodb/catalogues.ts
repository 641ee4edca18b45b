import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Metric } from '../../core/figures/figure.ts';
import { metricSchema } from '../../core/figures/figure-schema.ts';
import type { Obligation } from '../../core/obligations/obligation.ts';
import { obligationSchema } from '../../core/obligations/obligation-schema.ts';
import type { CustomGroupStore, MetricCatalogue, ObligationCatalogue } from '../../core/ports/stores.ts';
import { customGroupSchema } from '../../core/reference/group-schema.ts';
import type { Group } from '../../core/reference/groups.ts';
import { DynamoCatalogue } from './dynamo-catalogue.ts';

/** The obligations catalogue: partition `OBLIGATION`. */
export const obligationCatalogue = (client: DynamoDBDocumentClient, tableName: string): ObligationCatalogue =>
  new DynamoCatalogue<Obligation>(client, tableName, {
    partition: 'OBLIGATION',
    itemType: 'obligation',
    schema: obligationSchema,
    noun: 'Obligation',
  });

/** The metrics catalogue: partition `METRIC`. */
export const metricCatalogue = (client: DynamoDBDocumentClient, tableName: string): MetricCatalogue =>
  new DynamoCatalogue<Metric>(client, tableName, {
    partition: 'METRIC',
    itemType: 'metric',
    schema: metricSchema,
    noun: 'Metric',
  });

/** Admin-defined groups: partition `GROUP`, members stored on the item. */
export const customGroupStore = (client: DynamoDBDocumentClient, tableName: string): CustomGroupStore =>
  new DynamoCatalogue<Group>(client, tableName, {
    partition: 'GROUP',
    itemType: 'group',
    schema: customGroupSchema,
    noun: 'Group',
  });

/** What a report or a figure is checked against: the obligations, the metrics and admins' groups (an obligation may be on one). */
export const recordingCatalogues = (client: DynamoDBDocumentClient, tableName: string) => ({
  obligations: obligationCatalogue(client, tableName),
  metrics: metricCatalogue(client, tableName),
  customGroups: customGroupStore(client, tableName),
});
