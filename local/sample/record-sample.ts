import { figuresPath } from '../../lambdas/contracts/paths.ts';
import type { CustomGroupStore } from '../../lambdas/core/ports/stores.ts';
import { type ApiCall, ApiCallError } from './local-api-client.ts';
import { dprkWorkerHosts, type SampleFigure, type SampleRecord } from './sample-data-2019.ts';

const figureBody = ({ amount, asOf, source }: SampleFigure) => ({ ...amount, asOf, source });

/** Records one sample fact through the API as an admin would, so change detection and delivery see it as they would any. */
export const recordSampleRecord = async (record: SampleRecord, call: ApiCall): Promise<void> => {
  if (record.kind === 'figure') {
    await call('PUT', `${figuresPath(record.state)}/${record.figure.metric}`, figureBody(record.figure));
    return;
  }
  try {
    await call('POST', `/states/${record.state}/reports`, {
      obligationId: record.obligationId,
      reportDate: record.reportDate,
      ...(record.dateAccuracy === 'day' ? {} : { dateAccuracy: record.dateAccuracy }),
      public: record.public,
      note: record.note,
      source: record.source,
      figures: record.figures.map((figure) => ({ metric: figure.metric, ...figureBody(figure) })),
    });
  } catch (error) {
    // Recorded on an earlier start: a report is kept once.
    if (!(error instanceof ApiCallError && error.status === 409)) throw error;
  }
};

/** Whether an earlier start recorded the sample already: figures have no natural key, so they must not be recorded twice. */
export const sampleRecorded = async (call: ApiCall): Promise<boolean> => {
  const answer = (await call('GET', '/states/QA/figures/workers.remaining')) as { readonly count?: number } | undefined;
  return (answer?.count ?? 0) > 0;
};

/** The admins' group of states believed to host DPRK workers; kept as it is if it exists. */
export const ensureSampleGroup = async (groups: Pick<CustomGroupStore, 'get' | 'create'>): Promise<void> => {
  if (!(await groups.get(dprkWorkerHosts.id)))
    await groups.create({ ...dprkWorkerHosts, members: [...dprkWorkerHosts.members] });
};

/** Every sample fact that arrived on or before `day`, oldest first. */
export const recordSampleUpTo = async (
  day: string,
  records: readonly SampleRecord[],
  call: ApiCall,
): Promise<number> => {
  const due = records
    .filter(({ arrives }) => arrives <= day)
    .sort((a, b) => (a.arrives < b.arrives ? -1 : a.arrives > b.arrives ? 1 : 0));
  for (const record of due) await recordSampleRecord(record, call);
  return due.length;
};
