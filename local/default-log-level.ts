/**
 * Imported first by bin/local.ts, before any module creates the logger (which reads LOG_LEVEL
 * once, on load): the handlers' JSON lines would drown the start-up summary, so `npm start` shows
 * warnings and errors only unless LOG_LEVEL says otherwise.
 */
process.env.LOG_LEVEL ??= 'WARN';
