import type { AlertEvent, AlertEventType, WavedAlertEvent } from '../alerts/alert-event.ts';
import type { BudgetHolder } from '../budgets/send-budgets.ts';
import type { CheckerMemory } from '../checks/deadline-events.ts';
import type { Consent, ConsentKey } from '../contacts/consent.ts';
import type { Contact } from '../contacts/contact.ts';
import type { DeliveryFailure, DeliveryLogEntry, QueuedDigestEvent } from '../delivery/delivery-records.ts';
import type { Figure, Metric } from '../figures/figure.ts';
import type { Obligation } from '../obligations/obligation.ts';
import type { Trigger } from '../obligations/trigger.ts';
import type { Group } from '../reference/groups.ts';
import type { Report } from '../reports/report.ts';
import type { Signup } from '../subscriptions/signup.ts';
import type { IsoDate } from '../time/calendar-date.ts';
import type { ChannelKind, Watch } from '../watches/watch.ts';

/**
 * The storage and delivery the domain needs, as interfaces. Adapters in lambdas/adapters
 * implement them over DynamoDB (and later SNS); the core never knows which.
 */

/** A small catalogue of items with ids; creating a taken id fails with a `conflict`. */
export interface Catalogue<T extends { readonly id: string }> {
  list(): Promise<T[]>;
  get(id: string): Promise<T | undefined>;
  /** Fails with a `conflict` DomainError when the id is taken. */
  create(item: T): Promise<void>;
  /** Creates the item unless one with its id exists; never overwrites an admin's edit. */
  ensure(item: T): Promise<'created' | 'exists'>;
  /** Writes the item over the one stored with its id: for the seed's filling in of fields an item lacks. */
  replace(item: T): Promise<void>;
}

export type ObligationCatalogue = Catalogue<Obligation>;
export type MetricCatalogue = Catalogue<Metric>;

/** Groups that admins define in the table, beside the built-in regions and UN regional groups. */
export interface CustomGroupStore {
  list(): Promise<Group[]>;
  get(id: string): Promise<Group | undefined>;
  /** Fails with a `conflict` DomainError when the id is taken. */
  create(group: Group): Promise<void>;
}

/** What states report: reports and figures, each state's history and latest values. */
export interface StateRecords {
  /**
   * Stores a report with the figures it gives, all or nothing. Fails with a `conflict` when the
   * state already has a report on that obligation with that date.
   */
  recordReport(report: Report, figures: readonly Figure[]): Promise<{ readonly latest: readonly boolean[] }>;
  /**
   * Adds figures to their histories; each becomes its metric's latest value unless a figure
   * with a later `asOf` is already there. Says, per figure, whether it is now the latest.
   */
  recordFigures(figures: readonly Figure[]): Promise<{ readonly latest: readonly boolean[] }>;
  reportsOf(state: string): Promise<Report[]>;
  latestFiguresOf(state: string): Promise<Figure[]>;
  /** Newest `asOf` first. */
  figureHistory(state: string, metric: string): Promise<Figure[]>;
  /** Every state's reports on every obligation: what the board and the checker evaluate. */
  allReports(): Promise<Report[]>;
  /** Every state's latest figure for one metric. */
  latestFiguresFor(metric: string): Promise<Figure[]>;
  /** Stores a conditional duty's trigger for a state, replacing an earlier one of the same duty. */
  recordTrigger(trigger: Trigger): Promise<void>;
  /** Every trigger of every state: what makes conditional duties owed. */
  allTriggers(): Promise<Trigger[]>;
}

export interface AlertQuery {
  readonly state?: string;
  readonly type?: AlertEventType;
  /** Without `type`: only these types (every type when absent). */
  readonly types?: readonly AlertEventType[];
  /** ISO-8601 instant or date: only events at or after it. */
  readonly since?: string;
  /** Opaque position returned as `next` by the previous page. */
  readonly after?: string;
  readonly limit: number;
}

/** Alert events, each stored once: the store is where exactly-once is decided. */
export interface AlertEventStore {
  /** Stores the event unless its dedupKey was stored before; reports whether it was new. */
  putIfAbsent(event: WavedAlertEvent): Promise<boolean>;
  /** As putIfAbsent for each, written together; returns the ones that were new. */
  putManyIfAbsent(events: readonly WavedAlertEvent[]): Promise<WavedAlertEvent[]>;
  /** The stored events with these ids; ids not found are left out. */
  getMany(ids: readonly string[]): Promise<AlertEvent[]>;
  /** Every event stored in the wave, by id. */
  listWave(waveId: string): Promise<WavedAlertEvent[]>;
  /** Oldest first. */
  list(query: AlertQuery): Promise<{ readonly events: AlertEvent[]; readonly next?: string }>;
}

/** What the deadline checker has announced already, and the latest day it has checked. */
export interface CheckerMemoryStore {
  load(): Promise<{ readonly memory: CheckerMemory[]; readonly checkedThrough?: IsoDate }>;
  /**
   * Adds to what is remembered and, when given, moves `checkedThrough` forward (never back);
   * never forgets, so concurrent runs cannot undo each other.
   */
  remember(updates: readonly CheckerMemory[], checkedThrough?: IsoDate): Promise<void>;
}

/** Subscribers' watches, each with its owner, and the target index that finds them per event. */
export interface WatchStore {
  /** Stores a new watch unless its owner already has `cap` watches (then a `invalid-input` DomainError). */
  create(watch: Watch, cap: number): Promise<void>;
  get(id: string): Promise<Watch | undefined>;
  /** Oldest first. */
  listByOwner(owner: string): Promise<Watch[]>;
  /** Replaces `previous` with `next` (same id); fails with a `conflict` if the watch changed meanwhile. */
  replace(previous: Watch, next: Watch): Promise<void>;
  /** Deletes the watch with its index items, feed key and delivery log; a watch gone already is a `conflict`. */
  delete(watch: Watch): Promise<void>;
  /** Deletes what the store keeps per owner beside their watches (the cap's counter); call once they have none. */
  forgetOwner(owner: string): Promise<void>;
  /** Every watch that delivers to the contact (see contactOf), whoever owns it. */
  listByContact(contact: string): Promise<Watch[]>;
  /** Watches that target any of these: states (alpha-2), groups (ids), and all states when `all`. */
  targeting(target: { readonly states: readonly string[]; readonly groups: readonly string[] }): Promise<Watch[]>;
  /** As `targeting`, unless more than `limit` watches would come back: then `more`, having read only their ids. */
  targetingAtMost(
    target: { readonly states: readonly string[]; readonly groups: readonly string[] },
    limit: number,
  ): Promise<Watch[] | 'more'>;
  /** Every watch whose contact is in the shard (see contactShard), whatever it targets. */
  inShard(shard: number): Promise<Watch[]>;
  /** Active or not, every watch with `delivery.repeatEveryDays`. */
  listRepeating(): Promise<Watch[]>;
  /** Those of the watches that still exist, read together, sorted by id. */
  getMany(ids: readonly string[]): Promise<Watch[]>;
}

/** Contacts by their id; `put` with `previous` fails with a `conflict` if the contact changed meanwhile. */
export interface ContactStore {
  get(id: string): Promise<Contact | undefined>;
  getMany(ids: readonly string[]): Promise<Map<string, Contact>>;
  put(contact: Contact, previous?: Contact): Promise<void>;
  /**
   * Deletes the contact item, if it is still `contact` (same `updatedAt`; a `conflict` otherwise),
   * and the digest entries queued for it.
   */
  remove(contact: Contact): Promise<void>;
  /**
   * Erases everything kept under the address: the contact, every consent and code, its daily
   * counts, delivery and message records, and its queued digest entries; only its suppression
   * marker stays.
   */
  erase(id: string): Promise<void>;
  /** Marks the address as having asked to be erased (a marker holding no address, see docs/privacy.md). */
  suppress(id: string, at: string): Promise<void>;
  isSuppressed(id: string): Promise<boolean>;
  /** Lifts the marker: the address itself asked (its unsubscribe page's button, or its own confirmed sign-up). */
  unsuppress(id: string): Promise<void>;
}

/** Public sign-ups waiting for their address's confirmation, one per address (see Signup). */
export interface SignupStore {
  get(contact: string): Promise<Signup | undefined>;
  /** Writes the sign-up over any earlier one of the address. */
  put(signup: Signup): Promise<void>;
  delete(contact: string): Promise<void>;
}

/** Each owner's consent per address (see Consent). */
export interface ConsentStore {
  get(key: ConsentKey): Promise<Consent | undefined>;
  getMany(keys: readonly ConsentKey[]): Promise<Consent[]>;
  /** Fails with a conflict when `previous` is no longer what is stored (or, without it, when one exists). */
  put(consent: Consent, previous?: Consent): Promise<void>;
  /** Takes back a request that never went out; a consent changed since is left alone. */
  remove(consent: Consent): Promise<void>;
  /** Deletes the owner's consent for the address, whatever its state. */
  delete(key: ConsentKey): Promise<void>;
  /** Deletes every owner's consent for the address (what leaving erases) and returns them as they were. */
  deleteAll(contact: string): Promise<Consent[]>;
}

/**
 * What each contact was sent, per event: the record that makes delivery exactly-once, and the
 * log each watch's owner can read.
 */
export interface DeliveryLog {
  /** Which of each contact's `eventIds` were recorded for it already, read together for all of them. */
  recorded(
    told: readonly { readonly contact: string; readonly eventIds: readonly string[] }[],
  ): Promise<(contact: string, eventId: string) => boolean>;
  /** Records each (contact, event) unless recorded before, and logs the entry under each of its watches. */
  record(entry: DeliveryLogEntry): Promise<void>;
  /** Newest first. */
  listForWatch(
    watchId: string,
    query: { readonly limit: number; readonly after?: string },
  ): Promise<{ readonly entries: DeliveryLogEntry[]; readonly next?: string }>;
}

/** Events waiting for a digest, by the UTC hour it goes out. */
export interface DigestQueue {
  add(entries: readonly QueuedDigestEvent[]): Promise<void>;
  listForHour(hour: number): Promise<QueuedDigestEvent[]>;
  remove(entries: readonly QueuedDigestEvent[]): Promise<void>;
}

/** Messages a contact was sent per UTC day, capped so a mistake or an abuser cannot run up SMS spend. */
/** Daily counters of what requests sent, per address or per owner (see send-budgets.ts). */
export interface DailyBudgets {
  /** Counts one unit unless the day's count reached `limit`; says whether it was counted. */
  take(holder: BudgetHolder, budget: string, day: IsoDate, limit: number): Promise<boolean>;
  /** Gives back a unit that was counted but not used. */
  release(holder: BudgetHolder, budget: string, day: IsoDate): Promise<void>;
}

export interface DailySendCounter {
  /** Counts one message unless the day's count reached `cap`; says whether it was counted. */
  take(contact: string, day: IsoDate, cap: number): Promise<boolean>;
  /** Gives back a message that was counted but not sent. */
  release(contact: string, day: IsoDate): Promise<void>;
}

/** Where deliveries that failed for good are parked, with their context, for an operator (an alarmed queue in AWS). */
export interface DeliveryFailureSink {
  park(failure: DeliveryFailure): Promise<void>;
}

export type DailyCaps = Readonly<Record<ChannelKind, number>>;
