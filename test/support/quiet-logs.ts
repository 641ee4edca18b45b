// Handlers log JSON lines at INFO; tests assert behaviour, so keep their output readable.
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
