/**
 * Imported first by run.ts, so that it runs before any module creates the logger (which reads
 * LOG_LEVEL once, on load): the handlers run in this process and would otherwise log every
 * request and every alert between the table's lines.
 */
process.env.LOG_LEVEL = 'SILENT';
