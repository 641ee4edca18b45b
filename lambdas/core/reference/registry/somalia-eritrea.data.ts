import type { RegistryEntry } from './registry-entry.ts';

/** The Somalia and Eritrea regime (751/1907 Committee). */
export const somaliaEritreaRegistry: readonly RegistryEntry[] = [
  {
    id: '1907-p20-measures',
    regime: 'somalia-eritrea',
    committee: '751',
    resolution: '1907',
    adoptedOn: '2009-12-23',
    paragraph: '20',
    title: 'Report on the steps taken to implement the Eritrea measures',
    kind: 'report',
    quote:
      'calls upon all Member States to report to the Security Council within 120 days of the adoption of this resolution on steps they have taken to implement the measures outlined in paragraphs 5, 6, 10, 12 and 13 of the resolution.',
    source: {
      document: 'S/RES/1907 (2009)',
      url: 'https://asmarino.com/articles/645-the-time-of-reckoning',
      publisher: "Asmarino Independent, quoting Security Council Report's April 2010 Monthly Forecast",
      readOn: '2026-12-05',
    },
    due: { type: 'once', within: { days: 120 }, trigger: { from: 'adoption' } },
  },
];
