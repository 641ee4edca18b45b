import { findMemberState, observerStates } from '../reference/member-states.ts';
import { stateNameIndexRows } from '../reference/state-names-in-titles.data.ts';
import { normaliseStateName } from './state-name-key.ts';

export type NamedState =
  | { readonly kind: 'member'; readonly alpha2: string; readonly name: string }
  | { readonly kind: 'observer'; readonly alpha2: string; readonly name: string };

/** The member or observer state a name (as a title writes it) stands for, or undefined for a name not known. */
export const stateNamed = (written: string): NamedState | undefined => {
  const alpha2 = stateNameIndexRows[normaliseStateName(written)];
  if (alpha2 === undefined) return undefined;
  const member = findMemberState(alpha2);
  if (member) return { kind: 'member', alpha2, name: member.name };
  const observer = observerStates.find((state) => state.alpha2 === alpha2);
  return observer ? { kind: 'observer', alpha2, name: observer.name } : undefined;
};
