import { WORLD } from '../../contracts/world.ts';
import { compareNames } from '../compare-names.ts';
import { findMemberState } from './member-states.ts';

/** The English short name of a member state, "Worldwide" for worldwide figures, or the code itself for one we do not know. */
export const stateName = (alpha2: string): string =>
  alpha2 === WORLD ? 'Worldwide' : (findMemberState(alpha2)?.name ?? alpha2);

/** Orders codes as readers scan lists: by name, so Côte d'Ivoire sits among the Cs. */
export const byStateName = (a: string, b: string): number =>
  compareNames(stateName(a), stateName(b)) || (a < b ? -1 : a > b ? 1 : 0);
