import type { Metric } from '../figures/figure.ts';

/** The metrics catalogue starts with what states and experts reported on DPRK workers abroad. */
export const seedMetrics: readonly Metric[] = [
  {
    id: 'workers.repatriated',
    title: 'DPRK workers repatriated',
    unit: 'persons',
    description: 'DPRK nationals earning income who were sent back to the DPRK.',
  },
  {
    id: 'workers.remaining',
    title: 'DPRK workers remaining',
    unit: 'persons',
    description: 'DPRK nationals earning income still in the state; 0 means the repatriation obligation is met.',
  },
  {
    id: 'work-permits.valid',
    title: 'Valid work permits held by DPRK nationals',
    unit: 'permits',
    description: 'Work permits or authorizations of DPRK nationals still valid.',
  },
  {
    id: 'workers.estimated',
    title: 'DPRK workers (estimate)',
    unit: 'persons',
    description: 'Estimates of DPRK nationals earning income in the state, from experts or the press.',
  },
  {
    id: 'revenue.estimated',
    title: 'Revenue to the DPRK (estimate)',
    unit: 'USD per year',
    description: 'Estimated yearly revenue the DPRK earns from its workers abroad.',
  },
];
