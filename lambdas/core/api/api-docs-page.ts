import { escapeHtml } from '../board/escape-html.ts';
import { htmlDocumentHead } from '../board/html-document-head.ts';

type Json = Record<string, unknown>;

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required: boolean;
  readonly schema: Json;
  readonly example?: string;
}

interface Operation {
  readonly operationId: string;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly parameters: readonly Parameter[];
  readonly requestBody?: { readonly content: Record<string, { readonly schema: Json }> };
  readonly responses: Record<
    string,
    { readonly content?: Record<string, { readonly schema: Json }> } | { $ref: string }
  >;
  readonly 'x-codeSamples': readonly { readonly source: string }[];
}

/** The parts of the OpenAPI document the page shows. */
export interface ApiDocument {
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  readonly paths: Record<string, Record<string, unknown>>;
  readonly components: { readonly schemas: Record<string, Json> };
}

const code = (value: unknown): string => `<pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre>`;

const schemaBlock = (label: string, schema: Json): string =>
  `<details><summary>${escapeHtml(label)}</summary>${code(schema)}</details>`;

/** A short description of a parameter's type: its enum, pattern or type. */
const typeOf = (schema: Json): string => {
  if (Array.isArray(schema['enum'])) return (schema['enum'] as string[]).join(' | ');
  if (typeof schema['pattern'] === 'string') return `string matching ${schema['pattern']}`;
  if (Array.isArray(schema['anyOf'])) return (schema['anyOf'] as Json[]).map(typeOf).join(' or ');
  return typeof schema['type'] === 'string' ? schema['type'] : 'any';
};

const parameterTable = (parameters: readonly Parameter[]): string =>
  parameters.length === 0
    ? ''
    : [
        '<table><thead><tr><th>Parameter</th><th>In</th><th>Required</th><th>Type</th><th>Example</th></tr></thead><tbody>',
        ...parameters.map(
          (parameter) =>
            `<tr><td><code>${escapeHtml(parameter.name)}</code></td><td>${parameter.in}</td><td>${
              parameter.required ? 'yes' : 'no'
            }</td><td>${escapeHtml(typeOf(parameter.schema))}</td><td>${escapeHtml(parameter.example ?? '')}</td></tr>`,
        ),
        '</tbody></table>',
      ].join('');

const responseBlocks = (responses: Operation['responses']): string =>
  Object.entries(responses)
    .map(([status, response]) => {
      if ('$ref' in response)
        return `<li>${status}: <code>${escapeHtml(response.$ref.split('/').at(-1) ?? '')}</code></li>`;
      const [type, media] = Object.entries(response.content ?? {})[0] ?? [];
      if (!type || !media) return `<li>${status}: no body</li>`;
      return `<li>${status}: <code>${escapeHtml(type)}</code>${
        type === 'application/json' ? schemaBlock('Schema', media.schema) : ''
      }</li>`;
    })
    .join('');

const operationSection = (method: string, path: string, operation: Operation): string =>
  [
    `<section id="${escapeHtml(operation.operationId)}">`,
    `<h2><code>${method.toUpperCase()} ${escapeHtml(path)}</code></h2>`,
    `<p>${escapeHtml(operation.summary)}. Access: ${escapeHtml(operation.tags.join(', '))}.</p>`,
    parameterTable(operation.parameters),
    ...Object.entries(operation.requestBody?.content ?? {})
      .slice(0, 1)
      .map(([type, media]) => schemaBlock(`Request body (${type})`, media.schema)),
    `<ul>${responseBlocks(operation.responses)}</ul>`,
    ...operation['x-codeSamples'].map((sample) => `<p>Example:</p><pre>${escapeHtml(sample.source)}</pre>`),
    '</section>',
  ].join('\n');

/** `GET /docs`: the OpenAPI document as a page, rendered here: no scripts, nothing from a CDN. */
export const renderApiDocsPage = (document: ApiDocument): string => {
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ method, path, operation: operation as Operation })),
  );
  return [
    ...htmlDocumentHead(
      `${document.info.title} API ${document.info.version}`,
      '<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem}pre{background:#f4f4f4;padding:.5rem;overflow-x:auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .4rem;text-align:left}section{border-top:1px solid #ccc;margin-top:1.5rem}</style>',
    ),
    '<body><main>',
    `<h1>${escapeHtml(document.info.title)} API ${escapeHtml(document.info.version)}</h1>`,
    `<p>${escapeHtml(document.info.description)}</p>`,
    '<p>The machine-readable contract: <a href="openapi.json">openapi.json</a> (OpenAPI 3.1).</p>',
    '<nav><h2>Routes</h2><ul>',
    ...operations.map(
      ({ method, path, operation }) =>
        `<li><a href="#${escapeHtml(operation.operationId)}"><code>${method.toUpperCase()} ${escapeHtml(path)}</code></a> ${escapeHtml(operation.summary)}</li>`,
    ),
    '</ul></nav>',
    ...operations.map(({ method, path, operation }) => operationSection(method, path, operation)),
    '<h2>Schemas</h2>',
    '<p>What a <code>$ref</code> above names, as <code>#/components/schemas/Name</code>.</p>',
    ...Object.entries(document.components.schemas).map(
      ([name, schema]) =>
        `<section id="schema-${escapeHtml(name)}"><h3>${escapeHtml(name)}</h3>${code(schema)}</section>`,
    ),
    '</main></body></html>',
  ].join('\n');
};
