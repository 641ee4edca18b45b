import type { Obligation } from './obligations/obligation.ts';
import type { Group } from './reference/groups.ts';

/**
 * The storage the domain needs, as interfaces. Adapters in lambdas/adapters implement them over
 * DynamoDB; the core never knows which.
 */
export interface ObligationCatalogue {
  list(): Promise<Obligation[]>;
  get(id: string): Promise<Obligation | undefined>;
  /** Fails with a `conflict` DomainError when the id is taken. */
  create(obligation: Obligation): Promise<void>;
  /** Creates the obligation unless one with its id exists; never overwrites an admin's edit. */
  ensure(obligation: Obligation): Promise<'created' | 'exists'>;
}

/** Groups that admins define in the table, beside the built-in regions and UN regional groups. */
export interface CustomGroupStore {
  list(): Promise<Group[]>;
  get(id: string): Promise<Group | undefined>;
  /** Fails with a `conflict` DomainError when the id is taken. */
  create(group: Group): Promise<void>;
}
