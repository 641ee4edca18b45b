// First: silences the handlers' logger (and the outbox's lines) before any module that creates it is loaded.
import './quiet-logs.ts';
import { E2E_ROWS_MARKER, e2eRows, isE2ePart } from './e2e.ts';

/** One part of the e2e section in its own process (e2e.ts starts it): prints its rows as one JSON line after the marker. */
const part = process.argv[2];
if (!isE2ePart(part)) throw new Error(`e2e-process.ts needs a part (pipeline or checker), got ${JSON.stringify(part)}`);
console.log(`${E2E_ROWS_MARKER}${JSON.stringify(await e2eRows(part))}`);
