import { setTimeout as sleep } from 'node:timers/promises';
import { addDays, isoDate } from '../lambdas/core/time/calendar-date.ts';
import { confirmationLinkIn, type OutboxEntry, readOutbox } from '../local/outbox/outbox-sender.ts';
import type { LocalRuntime } from '../local/runtime.ts';
import { callApi, expectStatus } from './api-call.ts';
import { type BenchRow, count, milliseconds, percentile } from './results-table.ts';

export const FIGURE_WRITES = 100;
const OUTBOX_POLL_MS = 10;
/** How long an alert may take to reach the outbox before the bench gives up. */
const ALERT_TIMEOUT_MS = 15_000;

/** A figure for a day `day` days into 2020: in the past whenever the bench runs, one date per write. */
export const figureBody = (day: number) => ({
  value: 5000 + day,
  asOf: addDays(isoDate('2020-01-01'), day),
  source: { kind: 'estimate' },
});

/** Alert messages in the outbox: the lines that carry events (confirmations and codes carry none). */
export const alertLines = (file: string): OutboxEntry[] => readOutbox(file).filter((line) => line.eventIds.length > 0);

/** Registers an email watch on RU's figure.changed and presses Confirm on the link in the outbox, so it turns active. */
const confirmedFigureWatch = async (runtime: LocalRuntime, email: string): Promise<void> => {
  const token = await runtime.issueToken('bench-e2e-user');
  expectStatus(
    await callApi(runtime.apiUrl, 'POST', '/watches', token, {
      target: { states: ['RU'] },
      events: ['figure.changed'],
      channel: { email },
    }),
    201,
    'POST /watches',
  );
  const confirmation = readOutbox(runtime.outboxFile).find((line) => line.to === email && line.kind === 'confirmation');
  const link = confirmationLinkIn(confirmation?.text ?? '');
  if (link === undefined) throw new Error(`no confirmation link for ${email} in ${runtime.outboxFile}`);
  const confirmed = await fetch(link, { method: 'POST' });
  await confirmed.text();
  if (!confirmed.ok) throw new Error(`the confirmation link answered ${confirmed.status}`);
  const listed = expectStatus(await callApi(runtime.apiUrl, 'GET', '/watches', token), 200, 'GET /watches') as
    | { watches?: { status: string }[] }
    | { status: string }[];
  const watches = Array.isArray(listed) ? listed : (listed.watches ?? []);
  if (!watches.some((watch) => watch.status === 'active'))
    throw new Error(`the watch did not turn active: ${JSON.stringify(listed).slice(0, 300)}`);
};

/**
 * From a PUT figure's response to its alert in the outbox, FIGURE_WRITES times in turn, on a
 * runtime whose dispatcher has no grouping window: the pipeline's own latency.
 */
export const figureToOutboxRows = async (runtime: LocalRuntime, emailDailyCap: number): Promise<BenchRow[]> => {
  await confirmedFigureWatch(runtime, 'e2e-figure@example.org');
  const admin = await runtime.issueToken('bench-e2e-admin', { admin: true });
  const latencies: number[] = [];
  let alerts = alertLines(runtime.outboxFile).length;
  for (let index = 0; index < FIGURE_WRITES; index++) {
    expectStatus(
      await callApi(runtime.apiUrl, 'PUT', '/states/RU/figures/work-permits.valid', admin, figureBody(index)),
      200,
      'PUT figure',
    );
    const returned = performance.now();
    while (alertLines(runtime.outboxFile).length <= alerts) {
      if (performance.now() - returned > ALERT_TIMEOUT_MS)
        throw new Error(`write ${index + 1}: no alert in the outbox after ${ALERT_TIMEOUT_MS} ms`);
      await sleep(OUTBOX_POLL_MS);
    }
    latencies.push(performance.now() - returned);
    alerts = alertLines(runtime.outboxFile).length;
  }
  const label = `e2e: PUT figure → alert in the outbox, local runtime, grouping window 0 (${count(FIGURE_WRITES)} writes, outbox polled every ${OUTBOX_POLL_MS} ms, email cap ${emailDailyCap}/day)`;
  const baseline = 'AWS: the 60 s grouping window dominates';
  return [
    { what: `${label}: p50`, value: milliseconds(percentile(latencies, 50)), target: '', baseline },
    { what: `${label}: p99`, value: milliseconds(percentile(latencies, 99)), target: '', baseline },
  ];
};
