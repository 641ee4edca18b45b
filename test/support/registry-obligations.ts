import { byDeadline, type Obligation } from '../../lambdas/core/obligations/obligation.ts';
import { seedObligations } from '../../lambdas/core/reference/obligations.ts';

/**
 * Resolution 2397 paragraph 8's three duties, earliest deadline first: the registry's only ones whose states' reports the
 * service records, so the ones tests of overdue states, report events and figures are about.
 */
export const resolution2397Obligations = (): readonly Obligation[] =>
  seedObligations.filter((obligation) => obligation.resolution === '2397').sort(byDeadline);

/** One seeded obligation by id; a test naming one the registry lacks fails here, by name. */
export const seededObligation = (id: string): Obligation => {
  const obligation = seedObligations.find((candidate) => candidate.id === id);
  if (!obligation) throw new Error(`no seeded obligation ${id}`);
  return obligation;
};

/**
 * The registry's obligations as every listing orders them, earliest deadline first, those with
 * none last (by id): written out, so a test of a listing fails when the registry changes.
 */
export const REGISTRY_BY_DEADLINE: readonly string[] = [
  '700-p4-arms-guidelines',
  '724-p5a-arms-embargo',
  '748-p8-measures',
  '757-p12-measures',
  '883-p13-measures',
  '917-p13-measures',
  '1127-p13-measures',
  '1132-p13-measures',
  '1160-p12-measures',
  '1176-p4-measures',
  '1267-p10-measures',
  '1298-p11-measures',
  '1306-p8-diamonds',
  '1333-p20-measures',
  '1373-p6-measures',
  '1390-p6-measures',
  '1407-p8-arms-embargo',
  '1408-p15-measures',
  '1455-p6-updated-report',
  '1526-p22-updated-reports',
  '1533-p9-arms-embargo',
  '1540-p4-first-report',
  '1572-p15-measures',
  '1596-p20-measures',
  '1617-p10-checklist',
  '1643-p7-measures',
  '1718-p11-measures',
  '1737-p19-measures',
  '1727-p5-measures',
  '1747-p8-measures',
  '1803-p13-measures',
  '1857-p7-measures',
  '1844-p25-measures',
  '1874-p22-measures',
  '1907-p20-measures',
  '1970-p25-measures',
  '2094-p25-measures',
  '2134-p42-measures',
  '2397-p8-midterm',
  '2397-p8-repatriation',
  '2397-p8-final',
  '1737-p5-exempted-supply-notice',
  '1929-p20-evasion-transfers',
  '2094-p19-evasion-transfers',
  '2428-p10-inspection-followup',
];

/** The duties due only once something happens to a state (an inspection, a supply to Iran). */
const REGISTRY_CONDITIONAL: readonly string[] = ['1737-p5-exempted-supply-notice', '2428-p10-inspection-followup'];

/** A duty due only after its event is not listed for a state until one is recorded for it. */
export const REGISTRY_OWED_UNTRIGGERED = REGISTRY_BY_DEADLINE.filter((id) => !REGISTRY_CONDITIONAL.includes(id));

/**
 * Resolution 2397's midterm report as an item stored before due rules and before the registry had
 * quotes, committees and regimes: `dueOffsetMonths` only, no quote, no committee, no link.
 */
export const midtermStoredBeforeDueRules = {
  id: '2397-p8-midterm',
  resolution: '2397',
  paragraph: '8',
  title: 'Midterm report on repatriated DPRK workers',
  description: 'Old item',
  kind: 'report',
  adoptedOn: '2017-12-22',
  dueOffsetMonths: 15,
  dueDate: '2019-03-22',
  appliesTo: { scope: 'all' },
  source: { document: 'S/RES/2397 (2017)' },
} as const;
