import type { RegistryEntry } from './registry-entry.ts';

/**
 * The DPRK regime (1718 Committee). Only the paragraphs whose words could be read in a stored
 * source are here; docs/obligations.md lists the reporting paragraphs of 1718, 1874, 2087, 2270,
 * 2321, 2371, 2375 and 2397 that could not be, and why.
 */
/**
 * Not read in a stored source (docs/obligations.md, "Quoted without a page read"): the midterm and
 * final reports are the reason this service exists, so they stay, with the resolution's own
 * address, until the wording is checked against it.
 */
const resolution2397 = {
  document: 'S/RES/2397 (2017)',
  url: 'https://undocs.org/S/RES/2397(2017)',
  publisher: 'United Nations (wording not yet checked against this page)',
  readOn: '2026-12-05',
} as const;

/** Paragraph 8 of resolution 2397 (2017), as transcribed, the part of each report. */
const midtermWords =
  "... decides that all Member States shall provide a midterm report by 15 months from the date of adoption of this resolution of all DPRK nationals earning income in that Member State's jurisdiction that were repatriated over the 12 month period starting from the date of adoption of this resolution ...";
const finalWords =
  '... and all Member States shall provide final reports by 27 months from the date of adoption of this resolution';

export const dprkRegistry: readonly RegistryEntry[] = [
  {
    id: '2094-p19-evasion-transfers',
    regime: 'dprk',
    committee: '1718',
    resolution: '2094',
    adoptedOn: '2013-03-07',
    paragraph: '19',
    title: 'Information on transfers of DPRK aircraft or vessels to evade the sanctions',
    kind: 'report',
    quote:
      'Requests all States to communicate to the Committee any information available on transfers of DPRK aircraft or vessels to other companies that may have been undertaken in order to evade the sanctions or in violating the provisions of resolution 1718 (2006), 1874 (2009), 2087 (2013), or this resolution, including renaming or re-registering of aircraft, vessels or ships, and requests the Committee to make that information widely available;',
    source: {
      document: 'S/RES/2094 (2013)',
      url: 'https://unsanctionsapp.com/checklist/implementation/reporting-requirements/reporting-requested',
      publisher: 'UN Sanctions App, checklist "Reporting requirements: requested member state reporting"',
      readOn: '2026-12-05',
    },
    due: { type: 'open-ended' },
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
    quote:
      'decides that Member States shall repatriate to the DPRK all DPRK nationals earning income in that Member State’s jurisdiction and all DPRK government safety oversight attachés monitoring DPRK workers abroad immediately but no later than 24 months from the date of adoption of this resolution unless the Member State determines that a DPRK national is a national of that Member State or a DPRK national whose repatriation is prohibited, subject to applicable national and international law ...',
    source: {
      document: 'S/RES/2397 (2017)',
      url: 'https://lr.eu.psf.lt/r/internationallaw/comments/1dhbhz1/did_the_unsc_effectively_ban_employment_of_north',
      publisher: 'Reddit r/internationallaw thread (mirror), quoting the paragraph',
      readOn: '2026-12-05',
    },
    due: { type: 'once', within: { months: 24 }, trigger: { from: 'adoption' } },
    reportsRecorded: true,
  },
  {
    id: '2397-p8-midterm',
    regime: 'dprk',
    committee: '1718',
    resolution: '2397',
    adoptedOn: '2017-12-22',
    paragraph: '8',
    title: 'Midterm report on repatriated DPRK workers',
    kind: 'report',
    quote: midtermWords,
    source: resolution2397,
    due: { type: 'once', within: { months: 15 }, trigger: { from: 'adoption' } },
    reportsRecorded: true,
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
    quote: finalWords,
    source: resolution2397,
    due: { type: 'once', within: { months: 27 }, trigger: { from: 'adoption' } },
    reportsRecorded: true,
  },
];
