import { dailyCapsFromEnv, failureSinkFromEnv, notifierFromEnv, retryPolicy } from '../adapters/delivery-settings.ts';
import { deliveryStores } from '../adapters/dynamodb/delivery-stores.ts';
import { manageWatchesUrl } from '../adapters/public-api-url.ts';
import { systemClock } from '../adapters/system-clock.ts';
import { tableAccess } from './table-access.ts';

/** Everything that sends alerts needs: the dispatcher, the hourly job and the test route. */
export const deliveryDependencies = () => {
  const { client, tableName, requests } = tableAccess();
  return {
    ...deliveryStores(client, tableName),
    clock: systemClock,
    requests,
    dailyCaps: dailyCapsFromEnv(),
    notifier: notifierFromEnv(),
    failures: failureSinkFromEnv(),
    manageUrl: manageWatchesUrl(),
    retry: retryPolicy,
  };
};
