import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import { lazy } from '../core/lazy.ts';

/**
 * In Lambda a stack points into the minified bundle (`index.mjs:2:48213`). Node's
 * --enable-source-maps would point it at the sources, but reads the bundle's map at every cold
 * start, for every function, errors or not (docs/cold-start.md). This maps the stacks the logger
 * writes, and reads the map only when the first error is logged: about 0.1 s, once per process,
 * in an invocation that failed anyway.
 */

/**
 * In Lambda the bundle, with its map beside it (`index.mjs.map`), the SDK's `vendor.mjs` and the
 * side modules it may load (lib/side-modules.ts), each with its own; run from the sources, this .ts
 * file, which has none.
 */
const ownUrl = import.meta.url;
const ownDirectory = ownUrl.slice(0, ownUrl.lastIndexOf('/') + 1);

const sourceMapOf = (url: string): SourceMap | undefined => {
  try {
    return new SourceMap(JSON.parse(readFileSync(`${fileURLToPath(url)}.map`, 'utf8')));
  } catch {
    // No map (the sources run as they are) or an unreadable one: the stack is logged unmapped, never lost.
    return undefined;
  }
};

/** The map's sources are relative to where the bundle was built: `lambdas/…` or `node_modules/…` say where. */
const projectPath = (source: string): string => {
  const dependency = source.lastIndexOf('node_modules/');
  if (dependency >= 0) return source.slice(dependency);
  const own = source.indexOf('lambdas/');
  return own >= 0 ? source.slice(own) : source;
};

/** Each file's map, read when a stack first points into it. */
const sourceMaps = /* @__PURE__ */ lazy(() => new Map<string, SourceMap | undefined>());
const sourceMapAt = (url: string): SourceMap | undefined => {
  const maps = sourceMaps();
  if (!maps.has(url)) maps.set(url, sourceMapOf(url));
  return maps.get(url);
};

const location = /(file:\/\/[^\s()]+):(\d+):(\d+)/;

/** The stack with every position in this bundle or a side module beside it replaced by its place in the sources; other lines as they are. */
export const sourceMappedStack = (stack: string): string =>
  stack
    .split('\n')
    .map((line) => {
      const found = location.exec(line);
      if (found?.[1] === undefined || !found[1].startsWith(ownDirectory) || !found[1].endsWith('.mjs')) return line;
      const origin = sourceMapAt(found[1])?.findOrigin(Number(found[2]), Number(found[3]));
      if (origin === undefined || !('fileName' in origin)) return line;
      return line.replace(found[0], `${projectPath(origin.fileName)}:${origin.lineNumber}:${origin.columnNumber}`);
    })
    .join('\n');
