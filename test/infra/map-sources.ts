import { readFileSync } from 'node:fs';

/** The sources a bundled file's linked map (`<file>.map`) names: which code went into it. */
export const mapSources = (bundledFile: string): string[] =>
  (JSON.parse(readFileSync(`${bundledFile}.map`, 'utf8')) as { sources: string[] }).sources;
