import type { RegistryEntry } from './registry-entry.ts';

const resolution2397 = {
  document: 'S/RES/2397 (2017)',
  url: 'https://undocs.org/S/RES/2397(2017)',
  publisher: 'United Nations',
  readOn: '2026-12-05',
} as const;

/** Paragraph 8 of resolution 2397 (2017), quoted once: it sets all three duties. */
const paragraph8 =
  "Decides that Member States shall repatriate to the DPRK all DPRK nationals earning income in that Member State's jurisdiction and all DPRK government safety oversight attachés monitoring DPRK workers abroad immediately but no later than 24 months from the date of adoption of this resolution ... and decides that all Member States shall provide a midterm report by 15 months from the date of adoption of this resolution of all DPRK nationals earning income in that Member State's jurisdiction that were repatriated over the 12 month period starting from the date of adoption of this resolution, including an explanation of why less than half of such DPRK nationals were repatriated by the end of that 12 month period if applicable, and all Member States shall provide final reports by 27 months from the date of adoption of this resolution";

/** The DPRK regime: reports to the 1718 Committee. */
export const dprk: readonly RegistryEntry[] = [
  {
    id: '2397-p8-midterm',
    regime: 'dprk',
    committee: '1718',
    resolution: '2397',
    adoptedOn: '2017-12-22',
    paragraph: '8',
    title: 'Midterm report on repatriated DPRK workers',
    kind: 'report',
    quote: paragraph8,
    source: resolution2397,
    due: { type: 'once', within: { months: 15 }, trigger: { from: 'adoption' } },
  },
  {
    id: '2397-p8-repatriation',
    regime: 'dprk',
    committee: '1718',
    resolution: '2397',
    adoptedOn: '2017-12-22',
    paragraph: '8',
    title: 'Repatriation of all DPRK nationals earning income abroad',
    kind: 'action',
    quote: paragraph8,
    source: resolution2397,
    due: { type: 'once', within: { months: 24 }, trigger: { from: 'adoption' } },
  },
  {
    id: '2397-p8-final',
    regime: 'dprk',
    committee: '1718',
    resolution: '2397',
    adoptedOn: '2017-12-22',
    paragraph: '8',
    title: 'Final report on repatriated DPRK workers',
    kind: 'report',
    quote: paragraph8,
    source: resolution2397,
    due: { type: 'once', within: { months: 27 }, trigger: { from: 'adoption' } },
  },
];
