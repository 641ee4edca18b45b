/** The one source of "now". Handlers pass a clock in; tests pass a fixed one. */
export interface Clock {
  now(): Date;
}

export const fixedClock = (isoInstant: string): Clock => {
  const instant = new Date(isoInstant);
  if (Number.isNaN(instant.getTime())) throw new Error(`fixedClock: not an ISO-8601 instant: ${isoInstant}`);
  return { now: () => new Date(instant) };
};
