import type { OutgoingMessage } from '../../lambdas/core/ports/notifier.ts';

/** One email and one SMS as the dispatcher would hand them to any Notifier. */
export const emailMessage: OutgoingMessage = {
  contact: 'email:ana@example.org',
  channel: 'email',
  to: 'ana@example.org',
  email: { subject: 'Nigeria overdue: 1718 Committee report', body: 'Nigeria has not reported.\n\nUnsubscribe below.' },
  eventIds: ['e-1', 'e-2'],
  dedupKey: 'delivery:abc',
};

export const smsMessage: OutgoingMessage = {
  contact: 'sms:+447700900123',
  channel: 'sms',
  to: '+447700900123',
  sms: 'Nigeria overdue on 1718 Committee report (due 2025-03-01). sanctions-watch',
  eventIds: ['e-1'],
  dedupKey: 'delivery:def',
};
