import { isWorld } from '../../contracts/world.ts';
import type { Figure } from '../../core/figures/figure.ts';
import { storedFigureSchema } from '../../core/figures/figure-schema.ts';
import type { Report } from '../../core/reports/report.ts';
import { storedReportSchema } from '../../core/reports/report-schema.ts';
import type { ItemKey } from './stored-item.ts';

/** A state's partition; worldwide figures have their own, outside every per-state index. */
export const statePartition = (state: string) => (isWorld(state) ? 'WORLD' : `STATE#${state}`);
const reportKey = (report: Pick<Report, 'state' | 'obligationId' | 'reportDate'>): ItemKey => ({
  PK: statePartition(report.state),
  SK: `REPORT#${report.obligationId}#${report.reportDate}`,
});
export const latestKey = (state: string, metric: string): ItemKey => ({
  PK: statePartition(state),
  SK: `LATEST#${metric}`,
});
/** GSI1 partition that lists every state's latest value of one metric. */
export const latestIndexPartition = (metric: string) => `LATEST#${metric}`;
/** GSI1 partition that lists every report of every state. */
export const REPORT_INDEX_PARTITION = 'REPORT';
const figureFields = (figure: Figure) => storedFigureSchema.parse(figure);

/** The items a report and a figure are stored as, whoever writes them: DynamoStateRecords or the bulk import. */
export const reportItem = (report: Report) => ({
  ...reportKey(report),
  itemType: 'report' as const,
  GSI1PK: REPORT_INDEX_PARTITION,
  GSI1SK: `${report.obligationId}#${report.state}#${report.reportDate}`,
  ...storedReportSchema.parse(report),
});

export const figureHistoryItem = (figure: Figure) => ({
  PK: statePartition(figure.state),
  SK: `FIGURE#${figure.metric}#${figure.asOf}#${figure.recordedAt}`,
  itemType: 'figure' as const,
  ...figureFields(figure),
});

export const latestFigureItem = (figure: Figure) => ({
  ...latestKey(figure.state, figure.metric),
  itemType: 'figure-latest' as const,
  // The index lists states' latest figures for the board and checker; a worldwide one is no state's.
  ...(isWorld(figure.state) ? {} : { GSI1PK: latestIndexPartition(figure.metric), GSI1SK: figure.state }),
  ...figureFields(figure),
});

/** The condition on a latest item's Put: it never replaces a figure of a later `asOf`. */
export const notReplacingNewer = (figure: Pick<Figure, 'asOf'>) => ({
  ConditionExpression: 'attribute_not_exists(PK) OR asOf <= :asOf',
  ExpressionAttributeValues: { ':asOf': figure.asOf },
});
