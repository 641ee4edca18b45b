// First: silences the handlers' logger (and the outbox's lines) before any module that creates it is loaded.
import './quiet-logs.ts';
import { E2E_ROWS_MARKER, e2eRows } from './e2e.ts';

/** The e2e section's own process (run.ts starts it): prints its rows as one JSON line after the marker. */
console.log(`${E2E_ROWS_MARKER}${JSON.stringify(await e2eRows())}`);
