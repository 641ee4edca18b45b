import type { AlertEventType } from '../alerts/alert-event.ts';
import type { WatchChannel, WatchTarget } from '../watches/watch.ts';

/**
 * What someone asked for on the public form, waiting for the address to confirm: only the
 * confirmation turns it into a watch. One per address; it goes when confirmed or, unconfirmed,
 * by TTL once its link or code stops working.
 */
export interface Signup {
  /** See contactOf. */
  readonly contact: string;
  readonly channel: WatchChannel;
  readonly target: WatchTarget;
  readonly events: readonly AlertEventType[];
  readonly requestedAt: string;
  /** When its link or code stops working, as the consent's. */
  readonly confirmBy: string;
}
