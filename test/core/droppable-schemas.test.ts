import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../lib/lambda-bundling.ts';

const sources = (directory: string): string[] =>
  readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(directory, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(directory, entry.name)]
        : [],
  );

/** A module-scope constant built by a call: `const x = z.lazy(` at the start of a line. */
const moduleScopeLazy = /^(?:export )?const \w+(?::[^=\n]+)? = (\/\* @__PURE__ \*\/ )?z\.lazy\(/gm;

describe('schema constants in the functions', () => {
  // esbuild keeps a module-scope call it cannot prove pure, and with it the schema's closure and the
  // zod it names, in every bundle that imports the module for anything else: 4–6 KB in the senders
  // and create-watch (docs/cold-start.md, decision 12).
  it('are each marked pure, so a bundle that never parses one leaves it out', () => {
    const unmarked = sources(join(projectRoot, 'lambdas')).flatMap((file) =>
      Array.from(readFileSync(file, 'utf8').matchAll(moduleScopeLazy))
        .filter(([, pure]) => pure === undefined)
        .map(([line]) => `${relative(projectRoot, file)}: ${line}`),
    );
    expect(unmarked).toEqual([]);
  });
});
