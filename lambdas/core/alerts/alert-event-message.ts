import type { AlertEvent, AlertEventType } from './alert-event.ts';

/** Bumped when a field of the body changes meaning or goes away; added fields keep it. */
export const ALERT_EVENT_MESSAGE_VERSION = 1;

/** What a subscriber of the machine feed reads: the event's public fields (its dedup key stays inside). */
export interface AlertEventMessageBody {
  readonly version: typeof ALERT_EVENT_MESSAGE_VERSION;
  readonly id: string;
  readonly type: AlertEventType;
  readonly at: string;
  readonly state?: string;
  readonly obligationId?: string;
  readonly metric?: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** The message attributes subscription filter policies match on. */
export type AlertEventAttributeName = 'type' | 'state' | 'obligation' | 'metric';

export interface AlertEventMessage {
  readonly body: AlertEventMessageBody;
  /** String attributes, only those the event has. */
  readonly attributes: Readonly<Partial<Record<AlertEventAttributeName, string>>>;
}

/** The one message the machine feed carries for a stored alert event. */
export const alertEventMessage = (event: AlertEvent): AlertEventMessage => {
  const attributes: Partial<Record<AlertEventAttributeName, string>> = { type: event.type };
  // SNS refuses an attribute with an empty value, so an empty field is left out as a missing one is.
  if (event.state) attributes.state = event.state;
  if (event.obligationId) attributes.obligation = event.obligationId;
  if (event.metric) attributes.metric = event.metric;
  return {
    body: {
      version: ALERT_EVENT_MESSAGE_VERSION,
      id: event.id,
      type: event.type,
      at: event.at,
      ...(event.state === undefined ? {} : { state: event.state }),
      ...(event.obligationId === undefined ? {} : { obligationId: event.obligationId }),
      ...(event.metric === undefined ? {} : { metric: event.metric }),
      data: event.data,
    },
    attributes,
  };
};
