import { customGroupStore, obligationCatalogue } from '../adapters/dynamodb/catalogues.ts';
import { DynamoStateRecords } from '../adapters/dynamodb/state-records-repository.ts';
import { systemClock } from '../adapters/system-clock.ts';
import { tableAccess } from './table-access.ts';

/** What telling where the states stand needs (the board, a state, the calendar): the catalogue, admins' groups, reports and figures, and now. */
export const standingDependencies = () => {
  const { client, tableName } = tableAccess();
  return {
    clock: systemClock,
    obligations: obligationCatalogue(client, tableName),
    customGroups: customGroupStore(client, tableName),
    stateRecords: new DynamoStateRecords(client, tableName),
  };
};
