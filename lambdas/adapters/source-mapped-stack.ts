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

/** In Lambda the bundle, with its map beside it (`index.mjs.map`); run from the sources, this .ts file, which has none. */
const ownUrl = import.meta.url;

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

const ownSourceMap = /* @__PURE__ */ lazy(() => ({ map: sourceMapOf(ownUrl) }));

const location = /(file:\/\/[^\s()]+):(\d+):(\d+)/;

/** The stack with every position in this bundle replaced by its place in the sources; other lines as they are. */
export const sourceMappedStack = (stack: string): string => {
  const { map } = ownSourceMap();
  if (map === undefined) return stack;
  return stack
    .split('\n')
    .map((line) => {
      const found = location.exec(line);
      if (found === null || found[1] !== ownUrl) return line;
      const origin = map.findOrigin(Number(found[2]), Number(found[3]));
      if (!('fileName' in origin)) return line;
      return line.replace(found[0], `${projectPath(origin.fileName)}:${origin.lineNumber}:${origin.columnNumber}`);
    })
    .join('\n');
};
