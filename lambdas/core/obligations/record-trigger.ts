import { invalidInput } from '../errors.ts';
import type { Clock } from '../ports/clock.ts';
import type { ObligationCatalogue, StateRecords } from '../ports/stores.ts';
import { findState } from '../status/state-directory.ts';
import { utcDateOf } from '../time/calendar-date.ts';
import type { Trigger } from './trigger.ts';
import type { TriggerInput } from './trigger-schema.ts';

export interface RecordTriggerDependencies {
  readonly clock: Clock;
  readonly obligations: ObligationCatalogue;
  readonly stateRecords: Pick<StateRecords, 'recordTrigger'>;
}

/**
 * `POST /states/{code}/triggers` (admin): records that a conditional duty's event happened to a
 * state (an inspection, a seizure), so the state owes the duty from that day; a later trigger of
 * the same duty replaces the earlier. Only conditional duties take one.
 */
export const recordTrigger = async (
  rawCode: string,
  input: TriggerInput,
  deps: RecordTriggerDependencies,
): Promise<Trigger> => {
  const state = findState(rawCode);
  const now = deps.clock.now();
  if (input.on > utcDateOf(now)) throw invalidInput('on', `${input.on} is in the future`);
  const obligation = await deps.obligations.get(input.obligationId);
  if (!obligation)
    throw invalidInput('obligationId', `Unknown obligation "${input.obligationId}"; GET /obligations lists them`);
  if (obligation.due.type !== 'conditional')
    throw invalidInput('obligationId', `${obligation.id} is not conditional: it is owed without a trigger`);
  const trigger: Trigger = {
    state: state.alpha2,
    obligationId: obligation.id,
    on: input.on,
    ...(input.note === undefined ? {} : { note: input.note }),
    recordedAt: now.toISOString(),
  };
  await deps.stateRecords.recordTrigger(trigger);
  return trigger;
};
