import { lazy } from '../lazy.ts';
import { registryEntries } from '../reference/registry/index.ts';
import type { RegistryEntry } from '../reference/registry/registry-entry.ts';
import type { Obligation } from './obligation.ts';

/**
 * The registry's entries by id, and the committee and regime of each resolution it knows: built on
 * first use (by the seed, or `POST /obligations`), from the entries as written; the fields taken
 * here are the ones the seeded obligation copies. Reading an obligation does not come here: the
 * seed has written these fields into every stored one.
 */
const registryById = /* @__PURE__ */ lazy(
  () => new Map<string, RegistryEntry>(registryEntries.map((entry) => [entry.id, entry])),
);
const regimeOfResolution = /* @__PURE__ */ lazy(
  () =>
    new Map<string, { readonly committee: string; readonly regime: string }>(
      registryEntries.map(({ resolution, committee, regime }) => [resolution, { committee, regime }]),
    ),
);

/**
 * An obligation stored or requested without the registry's fields gets them where the registry
 * knows: the quote (and its language) and source link of the entry with its id, else the committee
 * and regime of its resolution. What it states itself wins.
 */
export const withRegistryDefaults = (obligation: Obligation): Obligation => {
  const entry = registryById().get(obligation.id);
  const ofResolution = regimeOfResolution().get(obligation.resolution);
  const committee = obligation.committee ?? entry?.committee ?? ofResolution?.committee;
  const regime = obligation.regime ?? entry?.regime ?? ofResolution?.regime;
  // The entry's quote comes with its language; a quote the obligation states keeps its own.
  const quoted =
    obligation.quote === undefined && entry !== undefined
      ? { quote: entry.quote, ...(entry.quoteIn === undefined ? {} : { quoteLanguage: entry.quoteIn.language }) }
      : {};
  const url = obligation.source.url ?? entry?.source.url;
  return {
    ...obligation,
    ...(committee === undefined ? {} : { committee }),
    ...(regime === undefined ? {} : { regime }),
    ...quoted,
    source: url === undefined ? obligation.source : { ...obligation.source, url },
  };
};
