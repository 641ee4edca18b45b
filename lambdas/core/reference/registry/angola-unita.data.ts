import { frenchVolumeSource } from './french-volume-source.ts';
import type { RegistryEntry } from './registry-entry.ts';

/**
 * Angola (UNITA): the measures of resolutions 864 (1993), 1127 (1997) and 1173 (1998), reported to
 * the Committee 864 set up. Quoted in French (docs/obligations.md, "Fourth pass"). 1173 p21 is left
 * out: 1176 p4 moved its day, "nonobstant le paragraphe 21 de la résolution 1173 (1998)".
 */
export const angolaUnitaRegistry: readonly RegistryEntry[] = [
  {
    id: '1127-p13-measures',
    regime: 'angola-unita',
    committee: '864',
    resolution: '1127',
    adoptedOn: '1997-08-28',
    paragraph: '13',
    title: 'Information to the 864 Committee on the measures taken against UNITA under resolution 1127',
    kind: 'report',
    // The page prints "le 1" novembre": the OCR's reading of "1er" (1st), as the volume prints it elsewhere.
    quote:
      "13. Demande également aux États Membres de communiquer au Comité créé par la résolution 864 (1993), le 1\" novembre 1997 au plus tard, des éléments d'information concernant les mesures qu'ils auront prises pour appliquer les dispositions du paragraphe 4 ci-dessus;",
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Also calls on Member States to send the Committee established by resolution 864 (1993), by 1 November 1997, information on the measures they have taken to apply the provisions of paragraph 4 above.',
    },
    source: frenchVolumeSource('S/RES/1127 (1997)', '1997', '062'),
    due: { type: 'by-date', date: '1997-11-01' },
  },
  {
    id: '1176-p4-measures',
    regime: 'angola-unita',
    committee: '864',
    resolution: '1176',
    adoptedOn: '1998-06-24',
    paragraph: '4',
    title: 'Information to the 864 Committee on the measures of resolution 1173 against UNITA (paragraphs 11 and 12)',
    kind: 'report',
    quote:
      "4. Prie les États Membres, nonobstant le para graphe 21 de la résolution 1173 (1998), d'informer le Comité créé par la résolution 864 (1993), le 22 juillet 1998 au plus tard, des mesures qu'ils auront prises pour appliquer les dispo sitions des paragraphes 11 et 12 de ladite résolution;",
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Requests Member States, notwithstanding paragraph 21 of resolution 1173 (1998), to inform the Committee established by resolution 864 (1993), by 22 July 1998, of the measures they have taken to apply the provisions of paragraphs 11 and 12 of that resolution.',
    },
    source: frenchVolumeSource('S/RES/1176 (1998)', '1998', '051'),
    due: { type: 'by-date', date: '1998-07-22' },
  },
];
