import type { Context } from 'aws-lambda';

type Handler<Event, Result> = (event: Event, context: Context) => Promise<Result>;

/**
 * A module's exported `handler`: `handlerFor` with the AWS dependencies, built on the first
 * invocation and kept for the life of the process (a cold start builds it once). Loading the module
 * builds nothing, so the local runtime and the tests import it to call `handlerFor` with theirs.
 */
export const lazyHandler = <Event, Result>(build: () => Handler<Event, Result>): Handler<Event, Result> => {
  let built: Handler<Event, Result> | undefined;
  // Async, so that a build that throws (a setting the stack left out) fails the invocation as a rejection.
  return async (event, context) => {
    built ??= build();
    return built(event, context);
  };
};
