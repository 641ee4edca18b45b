import * as aws from '../../aws-dependencies.ts';
import { type RecordReportDependencies, recordReport } from '../../core/reports/record-report.ts';
import { reportInputSchema } from '../../core/reports/report-schema.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { requireAdmin } from './caller.ts';
import { created, httpHandler } from './http-handler.ts';
import { jsonBody, pathParameter } from './request-input.ts';

/** POST /states/{code}/reports (admin) — records a report and the figures it gives; 409 if recorded before. */
export const handlerFor = (deps: RecordReportDependencies) =>
  httpHandler(async (event) => {
    requireAdmin(event);
    const input = jsonBody(event, reportInputSchema);
    return created(await recordReport(pathParameter(event, 'code'), input, deps));
  });

export const handler = lazyHandler(() => handlerFor({ ...aws.standing(), metrics: aws.metrics() }));
