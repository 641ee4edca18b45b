import path from 'node:path';

/**
 * `boundaries/imports`: which parts of the project a file may import from, by where an import
 * resolves to rather than by how its path is spelled. Each option names forbidden places:
 * - `paths`: project folders or files (`lambdas/core`, `lambdas/aws-dependencies.ts`); '' is the
 *   whole project and everything outside it;
 * - `except`: places inside those that stay allowed;
 * - `packages`: also forbid packages and Node built-ins (anything not imported by a relative path).
 * Type-only imports count too: a boundary holds for what a file knows, not only what it runs.
 */
const projectRoot = path.resolve(import.meta.dirname, '..');

const isWithin = (place, folder) => folder === '' || place === folder || place.startsWith(`${folder}/`);

const placeOf = (filename, specifier) =>
  path
    .relative(projectRoot, path.resolve(path.dirname(filename), specifier))
    .split(path.sep)
    .join('/');

const optionSchema = {
  type: 'object',
  properties: {
    paths: { type: 'array', items: { type: 'string' } },
    except: { type: 'array', items: { type: 'string' } },
    packages: { type: 'boolean' },
    message: { type: 'string' },
  },
  required: ['message'],
  additionalProperties: false,
};

const imports = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Keeps each layer to the imports its place in the architecture allows (docs/architecture.md).',
    },
    schema: { type: 'array', items: optionSchema },
    messages: { forbidden: '{{ specifier }}: {{ message }}' },
  },
  create(context) {
    const check = (node) => {
      const specifier = node?.type === 'Literal' && typeof node.value === 'string' ? node.value : undefined;
      if (specifier === undefined) return;
      const relative = specifier.startsWith('.') || specifier.startsWith('/');
      const place = relative ? placeOf(context.filename, specifier) : undefined;
      for (const option of context.options) {
        const forbidden =
          place === undefined
            ? option.packages === true
            : (option.paths ?? []).some((folder) => isWithin(place, folder)) &&
              !(option.except ?? []).some((folder) => isWithin(place, folder));
        if (forbidden) {
          context.report({ node, messageId: 'forbidden', data: { specifier, message: option.message } });
          return;
        }
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export const boundaries = { meta: { name: 'boundaries' }, rules: { imports } };
