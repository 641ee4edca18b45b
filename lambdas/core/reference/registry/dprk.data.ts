import { frenchVolumeSource } from './french-volume-source.ts';
import type { RegistryEntry } from './registry-entry.ts';

/**
 * The DPRK regime (1718 Committee). Only the paragraphs whose words could be read in a stored
 * source are here (1718 and 1874 in French, 2094 p25 in Chinese); docs/obligations.md lists the
 * reporting paragraphs of 2087, 2270, 2321, 2371, 2375 and 2397 that could not be, and why.
 */
/**
 * The resolution's own words for the two reports were not in any stored page (docs/obligations.md,
 * "2397's reports"): each is quoted as a news page restates it, with the deadline it names, which
 * is the one the due rule derives (15 and 27 months from 22 December 2017).
 */
const midtermSource = {
  document: 'S/RES/2397 (2017)',
  url: 'https://diplomaticwatch.com/qatar-150-north-korean-workers-remain-in-country/',
  publisher: 'Diplomatic Watch, restating paragraph 8 (not its words)',
  readOn: '2026-12-06',
  restates: { dueDate: '2019-03-22' },
} as const;
const midtermWords =
  'By March 22, 2019 member states are also required to provide a midterm report detailing all DPRK nationals earning income within their jurisdiction that were sent back in the 12 months since the resolutions’ passage and an explanation of why, if applicable, less than half of such workers were sent back in that period.';

const finalSource = {
  document: 'S/RES/2397 (2017)',
  url: 'https://www.urdupoint.com/en/world/some-23000-n-korean-overseas-workers-sent-b-785407.html',
  publisher: 'APP via UrduPoint, 12 December 2019, restating paragraph 8 (not its words)',
  readOn: '2026-12-06',
  // "by March 22 next year", in a report of 12 December 2019.
  restates: { dueDate: '2020-03-22' },
} as const;
const finalWords =
  'Under the 2017 resolution, all member states are required to submit their final sanctions implementation reports by March 22 next year.';

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
    id: '2094-p25-measures',
    regime: 'dprk',
    committee: '1718',
    resolution: '2094',
    adoptedOn: '2013-03-07',
    paragraph: '25',
    title: 'Report to the Security Council on the measures taken to implement resolution 2094',
    kind: 'report',
    // The Chinese text, as the newspaper prints it ("90 天" with its space); no stored page held the English words.
    quote:
      '25. 呼吁所有国家在本决议通过后90 天内并在其后接获委员会要求时,向安全理事会报告它们为有效执行本决议的规定采取的具体措施,请第1874(2009)号决议设立的专家组同其他联合国制裁监测组合作,继续努力协助各国及时编写和提交这些报告;',
    quoteIn: {
      language: 'zh',
      ourGloss:
        'Calls on all States to report to the Security Council, within 90 days of the adoption of this resolution and thereafter when the Committee asks, the concrete measures they have taken to implement the provisions of this resolution effectively; asks the panel of experts set up by resolution 1874 (2009) to keep helping States prepare and submit these reports on time.',
    },
    source: {
      document: 'S/RES/2094 (2013)',
      url: 'https://news.takungpao.cn/world/roll/2013-03/1481455_4.html',
      publisher:
        'Ta Kung Pao (takungpao.cn), "联合国安理会第2094号决议全文", page 4 of the full Chinese text, 9 March 2013, source given as the UN',
      readOn: '2026-12-06',
    },
    due: {
      type: 'recurring',
      within: { days: 90 },
      trigger: { from: 'adoption' },
      then: { timetable: 'when the Committee asks (其后接获委员会要求时)' },
    },
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
    source: midtermSource,
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
    source: finalSource,
    due: { type: 'once', within: { months: 27 }, trigger: { from: 'adoption' } },
    reportsRecorded: true,
  },
  {
    id: '1718-p11-measures',
    regime: 'dprk',
    committee: '1718',
    resolution: '1718',
    adoptedOn: '2006-10-14',
    paragraph: '11',
    title: 'Report to the Security Council on the steps taken to implement paragraph 8 of resolution 1718',
    kind: 'report',
    quote:
      '11. Invite tous les États Membres à lui faire rapport dans un délai de trente jours à compter de l’adoption de la présente résolution sur les mesures qu’ils auront prises afin de mettre effec tivement en application les dispositions du paragraphe 8 ci-dessus ;',
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Invites all Member States to report to it (the Security Council) within thirty days of the adoption of this resolution on the steps they have taken to implement effectively the provisions of paragraph 8 above.',
    },
    source: frenchVolumeSource('S/RES/1718 (2006)', '2006', '302'),
    due: { type: 'once', within: { days: 30 }, trigger: { from: 'adoption' } },
  },
  {
    id: '1874-p22-measures',
    regime: 'dprk',
    committee: '1718',
    resolution: '1874',
    adoptedOn: '2009-06-12',
    paragraph: '22',
    title: 'Report to the Security Council on the concrete measures taken to implement resolutions 1718 and 1874',
    kind: 'report',
    quote:
      '22. Invite tous les États Membres à lui rendre compte quarante-cinq jours au plus tard après l’adoption de la présente résolution, et par la suite à la demande du Comité, des mesures concrètes qu’ils auront prises pour appliquer effectivement les dispositions du paragraphe 8 de la résolution 1718 (2006) et les paragraphes 9 et 10 de la présente résolution, ainsi que les mesures financières édictées aux paragraphes 18, 19 et 20 de la présente résolution;',
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Invites all Member States to report to it (the Security Council) no later than 45 days after the adoption of this resolution, and thereafter when the Committee asks, on the concrete measures they have taken to implement effectively paragraph 8 of resolution 1718 (2006), paragraphs 9 and 10 of this resolution and the financial measures of its paragraphs 18, 19 and 20.',
    },
    source: frenchVolumeSource('S/RES/1874 (2009)', '2008', '280'),
    due: {
      type: 'recurring',
      within: { days: 45 },
      trigger: { from: 'adoption' },
      then: { timetable: 'when the Committee asks (à la demande du Comité)' },
    },
  },
];
