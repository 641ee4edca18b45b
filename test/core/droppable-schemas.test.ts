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

/**
 * A module-scope constant built by a call: `const x = z.lazy(` (a schema) or `const x = lazy(` (a
 * value built on first use) at the start of a line.
 */
const moduleScopeLazy = /^(?:export )?const \w+(?::[^=\n]+)? = (\/\* @__PURE__ \*\/ )?(?:z\.)?lazy\(/gm;

describe('lazy constants in the functions', () => {
  // esbuild keeps a module-scope call it cannot prove pure, and with it the closure and the zod it
  // names, in every bundle that imports the module for anything else: 4–6 KB in the senders and
  // create-watch (docs/cold-start.md, decision 13), 4–5 KB of the query schemas in the board and
  // `GET /alerts` (decision 15). esbuild does not carry a `@__NO_SIDE_EFFECTS__` mark on `lazy`
  // itself across files, so each call is marked.
  it('are each marked pure, so a bundle that never uses one leaves it out', () => {
    const unmarked = sources(join(projectRoot, 'lambdas')).flatMap((file) =>
      Array.from(readFileSync(file, 'utf8').matchAll(moduleScopeLazy))
        .filter(([, pure]) => pure === undefined)
        .map(([line]) => `${relative(projectRoot, file)}: ${line}`),
    );
    expect(unmarked).toEqual([]);
  });
});
