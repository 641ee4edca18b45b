/** The one source of "now": handlers pass the system clock in, so the core never reads the wall clock. */
export interface Clock {
  now(): Date;
}
