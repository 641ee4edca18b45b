import { addDays, type IsoDate } from '../lambdas/core/time/calendar-date.ts';
import type { ApiCall } from './sample/local-api-client.ts';
import { recordSampleRecord } from './sample/record-sample.ts';
import type { SampleRecord } from './sample/sample-data-2019.ts';

export interface ReplayOptions {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly records: readonly SampleRecord[];
  /** An admin's API calls. */
  readonly call: ApiCall;
  /** Resolves once change detection and the dispatcher have handled everything so far. */
  readonly settled: () => Promise<void>;
  readonly print: (line: string) => void;
}

/** The hour of the stack's daily deadline check (06:00 UTC). */
const CHECK_HOUR = 'T06:00:00.000Z';

interface CheckAnswer {
  readonly count: number;
  readonly emitted: readonly { readonly type: string; readonly obligationId?: string }[];
}

const summary = (emitted: CheckAnswer['emitted']): string => {
  const byType = new Map<string, number>();
  for (const { type, obligationId } of emitted) {
    const key = `${type}${obligationId ? ` (${obligationId})` : ''}`;
    byType.set(key, (byType.get(key) ?? 0) + 1);
  }
  return [...byType].map(([key, count]) => `${count} ${key}`).join(', ');
};

/**
 * Steps the daily schedule through `from`..`to`: each day, the facts that reached the public that
 * day are recorded through the API, then the deadline check runs as of 06:00 UTC, and whatever
 * that set off (change detection, the dispatcher, the outbox) finishes before the next day. Facts
 * that arrived before `from` are recorded first, as the world stood. Days on which nothing
 * happened are passed over in silence.
 */
export const replay = async (options: ReplayOptions): Promise<{ readonly days: number; readonly events: number }> => {
  const { call, print } = options;
  const before = options.records.filter(({ arrives }) => arrives < options.from);
  for (const record of before) await recordSampleRecord(record, call);
  if (before.length > 0) {
    print(`before ${options.from}: ${before.length} facts recorded`);
    await options.settled();
  }
  let days = 0;
  let events = 0;
  for (let day = options.from; day <= options.to; day = addDays(day, 1)) {
    days += 1;
    const arriving = options.records.filter(({ arrives }) => arrives === day);
    for (const record of arriving) await recordSampleRecord(record, call);
    const check = (await call('POST', '/checks', { at: `${day}${CHECK_HOUR}` })) as CheckAnswer;
    events += check.count;
    if (arriving.length === 0 && check.count === 0) continue;
    const recorded = arriving.map((record) =>
      record.kind === 'report'
        ? `${record.state} report (${record.obligationId})`
        : `${record.state} ${record.figure.metric}`,
    );
    print(
      `${day}: ${[...(recorded.length > 0 ? [`recorded ${recorded.join(', ')}`] : []), ...(check.count > 0 ? [`deadline check: ${summary(check.emitted)}`] : [])].join('; ')}`,
    );
    await options.settled();
  }
  return { days, events };
};
