import { regimeOfResolution, seedObligations } from '../reference/obligations.ts';
import type { Obligation } from './obligation.ts';

const registryById = new Map(seedObligations.map((obligation) => [obligation.id, obligation]));

/**
 * An obligation stored or requested without the registry's fields gets them where the registry
 * knows: the quote and source link of the entry with its id, else the committee and regime of its
 * resolution. What it states itself wins.
 */
export const withRegistryDefaults = (obligation: Obligation): Obligation => {
  const entry = registryById.get(obligation.id);
  const ofResolution = regimeOfResolution.get(obligation.resolution);
  const committee = obligation.committee ?? entry?.committee ?? ofResolution?.committee;
  const regime = obligation.regime ?? entry?.regime ?? ofResolution?.regime;
  const quote = obligation.quote ?? entry?.quote;
  const url = obligation.source.url ?? entry?.source.url;
  return {
    ...obligation,
    ...(committee === undefined ? {} : { committee }),
    ...(regime === undefined ? {} : { regime }),
    ...(quote === undefined ? {} : { quote }),
    source: url === undefined ? obligation.source : { ...obligation.source, url },
  };
};
