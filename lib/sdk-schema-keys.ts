import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';

/** The generated schema modules of the AWS SDK clients. */
const schemaModule = /[\\/]@aws-sdk[\\/]client-[^\\/]+[\\/]dist-es[\\/]schemas[\\/]schemas_\d+\.js$/;
/** The module's string constants: `const _h = "http";`. */
const stringConstant = /^const (_\w+) = ("[^"\\]*");$/gm;
/** A computed key naming one of them: `{ [_h]: … }`. */
const computedKey = /\[(_\w+)\]:/g;

/**
 * Lets esbuild drop the AWS SDK schemas a function never uses. The SDK's generated schema modules
 * key each shape's traits by a constant (`{ [_h]: ["POST", …] }` after `const _h = "http"`).
 * esbuild counts any computed key as a possible side effect, so it keeps every schema of a client,
 * and all they name, whatever the function sends (evanw/esbuild#4373, aws/aws-sdk-js-v3#7607): the
 * 485 schemas of SES v2 (50 KB) for the one command the email sender sends. This writes each such
 * key as the string its constant holds, which builds the same objects, so the unused ones can go.
 */
export const sdkSchemaKeys: Plugin = {
  name: 'sdk-schema-keys',
  setup(build) {
    build.onLoad({ filter: schemaModule }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const strings = new Map(Array.from(source.matchAll(stringConstant), ([, name, value]) => [name, value]));
      const contents = source.replace(computedKey, (key, name: string) => {
        const value = strings.get(name);
        // A literal `"__proto__":` would set the prototype where the computed key makes a property.
        return value === undefined || value === '"__proto__"' ? key : `${value}:`;
      });
      return { contents, loader: 'js' };
    });
  },
};
