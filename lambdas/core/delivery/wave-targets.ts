import type { AlertEvent } from '../alerts/alert-event.ts';
import { typedAlertEvent } from '../alerts/alert-event-data.ts';
import { concernedStates, type GroupIdsOfState } from '../watches/match-events.ts';

/** The target index partitions that can hold a watch hearing any of these events: their states and those states' groups. */
export const waveTargets = (
  events: readonly AlertEvent[],
  groupIdsOfState: GroupIdsOfState,
): { readonly states: string[]; readonly groups: string[] } => {
  const states = [...new Set(events.flatMap((event) => concernedStates(typedAlertEvent(event))))];
  const groups = [...new Set(states.flatMap((state) => [...groupIdsOfState(state)]))];
  return { states, groups };
};
