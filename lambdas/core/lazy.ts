/**
 * A value built on its first use and kept for the life of the process. For what costs a cold start
 * time to build (an Intl formatter loads ICU data: 2–3 ms each) but not every path through a
 * function needs: at module scope every cold start would pay for it.
 */
export const lazy = <T extends object>(build: () => T): (() => T) => {
  let value: T | undefined;
  return () => {
    value ??= build();
    return value;
  };
};
