import { metricCatalogue, obligationCatalogue } from '../../lambdas/adapters/dynamodb/catalogues.ts';
import { seedReferenceData } from '../../lambdas/core/reference/seed-reference-data.ts';
import { startTestApi } from './local-api.ts';

/** A test API whose table holds the seeded obligations and metrics, as after a deploy. */
export const startSeededTestApi = async () => {
  const api = await startTestApi();
  await seedReferenceData({
    obligations: obligationCatalogue(api.documentClient, api.tableName),
    metrics: metricCatalogue(api.documentClient, api.tableName),
  });
  return api;
};
