import type { RegistryEntry } from './registry-entry.ts';

/**
 * Counter-terrorism: resolution 1373 (2001) and the Committee it set up (the Counter-Terrorism
 * Committee). Not a sanctions regime, but its paragraph 6 sets every state a reporting duty.
 */
export const counterTerrorismRegistry: readonly RegistryEntry[] = [
  {
    id: '1373-p6-measures',
    regime: 'counter-terrorism',
    committee: '1373',
    resolution: '1373',
    adoptedOn: '2001-09-28',
    paragraph: '6',
    title: 'Report on the steps taken to implement resolution 1373',
    kind: 'report',
    // The page starts at paragraph 6 and names no resolution; "Auf der 4385. Sitzung einstimmig
    // verabschiedet" after paragraph 9 makes it 1373, adopted at the 4385th meeting (unscr.com).
    quote:
      '6. beschließt, im Einklang mit Regel 28 seiner vorläufigen Geschäftsordnung einen aus allen Ratsmitgliedern bestehenden Ausschuss des Sicherheitsrats einzusetzen, der die Durchführung dieser Resolution unter Heranziehung geeigneten Sachverstands überwachen wird, und fordert alle Staaten auf, dem Ausschuss spätestens neunzig Tage nach Verabschiedung dieser Resolution und anschließend nach einem von dem Ausschuss vorzuschlagenden Zeitplan über die Schritte Bericht zu erstatten, die sie zur Durchführung dieser Resolution ergriffen haben;',
    quoteIn: {
      language: 'de',
      ourGloss:
        'Decides to set up a Committee of the Security Council of all its members to monitor, with appropriate expertise, the implementation of this resolution, and calls on all States to report to the Committee no later than ninety days after the adoption of this resolution, and thereafter on a timetable the Committee is to propose, on the steps they have taken to implement this resolution.',
    },
    source: {
      document: 'S/RES/1373 (2001)',
      url: 'https://studylibde.com/doc/1831421/6.-beschlie%C3%9Ft--im-einklang-mit-regel-28-seiner-vorl%C3%A4ufigen',
      publisher:
        'studylibde.com, a transcription of the UN\'s German volume "Resolutionen und Beschlüsse des Sicherheitsrats vom 1. Januar 2001 bis 31. Juli 2002" (a translation, not an authentic text)',
      readOn: '2026-12-06',
    },
    due: {
      type: 'recurring',
      within: { days: 90 },
      trigger: { from: 'adoption' },
      then: { timetable: 'according to a timetable to be proposed by the Committee' },
    },
  },
];
