// Handlers log JSON lines at INFO; tests assert behaviour, so keep their output readable.
process.env.LOG_LEVEL ??= 'SILENT';
