// First: silences the handlers' logger before any module that creates it is loaded.
import './quiet-logs.ts';
import { withBenchRuntime } from './bench-runtime.ts';
import { countedColdLoadRows } from './counted-loads.ts';
import { createWatchLatencyRows } from './create-watch-latency.ts';
import { deadlineCheckRows } from './deadline-check.ts';
import { dispatcherRows } from './dispatcher.ts';
import { e2eRowsInOwnProcess } from './e2e.ts';
import { fanoutRows } from './fanout.ts';
import { figureChangeLatencyRows } from './figure-change-latency.ts';
import { getStateLatencyRows } from './get-state-latency.ts';
import { importRows } from './import.ts';
import { coldStartRows } from './lambda-bundles.ts';
import { metricsCostRows } from './metrics-cost.ts';
import { type BenchRow, renderTable } from './results-table.ts';
import { scheduledJobRows } from './scheduled-jobs.ts';
import { sourceJobRows } from './source-job.ts';
import { sourceProposalRows } from './source-proposals.ts';
import { watchMatchingRows } from './watch-matching.ts';

/**
 * `npm run bench [-- coldstart checker matching dispatcher fanout scheduled runtime e2e import metrics sources]`: measures what the issues set targets
 * for and prints one table; naming sections runs only those. `coldcount` runs only when named: it
 * needs valgrind, which the README's machine does not have.
 */
const sections: Record<string, () => Promise<BenchRow[]>> = {
  coldstart: () => coldStartRows(),
  coldcount: () => countedColdLoadRows(),
  checker: () => deadlineCheckRows(),
  matching: async () => watchMatchingRows(),
  dispatcher: () => dispatcherRows(),
  fanout: () => fanoutRows(),
  scheduled: () => scheduledJobRows(),
  runtime: () =>
    withBenchRuntime(async (runtime) => {
      // First, while no alert event is waiting out the dispatcher's 60 s grouping window: a dispatch
      // mid-measurement would compete for DynamoDB Local and be counted on the functions' client.
      const createWatch = await createWatchLatencyRows(runtime);
      return [...(await getStateLatencyRows(runtime)), ...(await figureChangeLatencyRows(runtime)), ...createWatch];
    }),
  // In a process of its own, with runtimes of its own: one needs a short grouping window.
  e2e: () => e2eRowsInOwnProcess(),
  import: () => importRows(),
  metrics: () => metricsCostRows(),
  sources: async () => [...sourceProposalRows(), ...(await sourceJobRows())],
};

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in sections));
if (unknown.length > 0) {
  console.error(`Unknown bench section(s): ${unknown.join(', ')}. Sections: ${Object.keys(sections).join(', ')}`);
  process.exit(2);
}

// One after another, so that no measurement competes with another for the machine's two cores.
const rows: BenchRow[] = [];
const onlyWhenNamed = new Set(['coldcount']);
for (const [name, measure] of Object.entries(sections)) {
  if (requested.includes(name) || (requested.length === 0 && !onlyWhenNamed.has(name))) rows.push(...(await measure()));
}
console.log(`sanctions-watch bench — Node ${process.version}, ${new Date().toISOString()}\n`);
console.log(renderTable(rows));
