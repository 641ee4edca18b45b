/**
 * The service's own CloudWatch metrics, written as embedded metric format lines by the functions
 * (lambdas/adapters/emf-metrics.ts) and read by the stack's alarms and dashboard (lib/). Each has at
 * most one dimension, and its values come from closed sets (a channel, an alert type): never an
 * address, a name or an id.
 */

/** The namespace every metric of the service is published in. */
export const SERVICE_METRICS_NAMESPACE = 'SanctionsWatch';

export const serviceMetricCatalogue = {
  /** Alert events stored, by type. */
  alertsEmitted: { name: 'AlertsEmitted', unit: 'Count', dimension: 'type' },
  /** Messages a provider accepted, by channel. */
  messagesSent: { name: 'MessagesSent', unit: 'Count', dimension: 'channel' },
  /** Messages not sent because the contact's daily cap was reached. */
  /** Messages put off to the next UTC day because the deployment's texts of the day were spent. */
  messagesDeferred: { name: 'MessagesDeferred', unit: 'Count', dimension: 'channel' },
  /** Messages the provider refused for good, parked in the delivery-failures queue. */
  messagesFailed: { name: 'MessagesFailed', unit: 'Count', dimension: 'channel' },
  /** Confirmation links and codes sent. */
  confirmationsSent: { name: 'ConfirmationsSent', unit: 'Count', dimension: 'channel' },
  /** Proposals a feed job found (the feed job counts them; see docs/runbook.md). */
  proposalsFound: { name: 'ProposalsFound', unit: 'Count' },
  /** One per scheduled deadline check that finished: its alarm fires on a day without one. */
  scheduledChecksCompleted: { name: 'ScheduledChecksCompleted', unit: 'Count' },
  /** How long one deadline check took. */
  checkDuration: { name: 'CheckDuration', unit: 'Milliseconds' },
  /** From an alert event's storedAt to the provider's acceptance of the message that carried it, by channel. */
  streamToSendLatency: { name: 'StreamToSendLatency', unit: 'Milliseconds', dimension: 'channel' },
} as const;

export type ServiceMetricId = keyof typeof serviceMetricCatalogue;

/** The channels that messages go out on, as the `channel` dimension names them. */
export const metricChannels = ['email', 'sms'] as const;
