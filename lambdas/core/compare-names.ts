import { lazy } from './lazy.ts';

// One collator for every comparison: localeCompare with a locale builds a new one per call.
const collator = /* @__PURE__ */ lazy(() => new Intl.Collator('en'));

/** Orders names as English readers scan lists: Côte d'Ivoire sits among the Cs. */
export const compareNames = (a: string, b: string): number => collator().compare(a, b);
