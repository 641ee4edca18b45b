// First: silences the handlers' logger before any module that creates it is loaded.
import './quiet-logs.ts';
import { routes } from '../lambdas/handlers/http/routes.ts';
import { deadlineCheckRows } from './deadline-check.ts';
import { getStateLatencyRows } from './get-state-latency.ts';
import { lambdaBundleRows } from './lambda-bundles.ts';
import { renderTable } from './results-table.ts';

/** `npm run bench`: measures what the issues set targets for and prints one table. */
const functions = [
  ...routes.map(({ id, entry }) => ({ id, entry })),
  { id: 'seed-reference-data', entry: 'lambdas/handlers/seed-reference-data.ts' },
];

// One after another, so that no measurement competes with another for the machine's two cores.
const rows = [...(await lambdaBundleRows(functions)), ...(await deadlineCheckRows()), ...(await getStateLatencyRows())];
console.log(`sanctions-watch bench — Node ${process.version}, ${new Date().toISOString()}\n`);
console.log(renderTable(rows));
