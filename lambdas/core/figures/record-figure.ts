import type { Clock } from '../ports/clock.ts';
import type { MetricCatalogue, StateRecords } from '../ports/stores.ts';
import { utcDateOf } from '../time/calendar-date.ts';
import type { Figure } from './figure.ts';
import { figureFromInput, findMetric } from './figure-from-input.ts';
import type { FigureInput } from './figure-schema.ts';

/** `PUT /states/{code}/figures/{metric}` and `PUT /world/figures/{metric}`: adds a figure to the history; it becomes the latest unless a later one exists. */
export const recordFigure = async (
  /** A member state's alpha-2, or WORLD: resolved by the route. */
  subject: string,
  metricId: string,
  input: FigureInput,
  deps: { readonly clock: Clock; readonly metrics: MetricCatalogue; readonly stateRecords: StateRecords },
): Promise<{ readonly figure: Figure; readonly latest: boolean }> => {
  const metric = await findMetric(deps.metrics, metricId, 'metric');
  const now = deps.clock.now();
  const figure = figureFromInput(input, {
    state: subject,
    metric,
    today: utcDateOf(now),
    recordedAt: now.toISOString(),
    fieldPrefix: '',
  });
  const { latest } = await deps.stateRecords.recordFigures([figure]);
  return { figure, latest: latest[0] === true };
};
