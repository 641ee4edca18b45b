import { routes } from '../lambdas/handlers/http/routes.ts';
import { lambdaBundleRows } from './lambda-bundles.ts';
import { renderTable } from './results-table.ts';

/** `npm run bench`: measures what the issues set targets for and prints one table. */
const functions = [
  ...routes.map(({ id, entry }) => ({ id, entry })),
  { id: 'seed-reference-data', entry: 'lambdas/handlers/seed-reference-data.ts' },
];

const rows = await lambdaBundleRows(functions);
console.log(`sanctions-watch bench — Node ${process.version}, ${new Date().toISOString()}\n`);
console.log(renderTable(rows));
