import { openApiDocument } from '../lambdas/core/api/openapi-document.ts';

/** Where the checked-in copy of the document lives, for clients that generate from the repository. */
export const openApiFileUrl = new URL('../docs/openapi.json', import.meta.url);

/** The document as the file holds it: two-space JSON and a final newline. */
export const renderOpenApiFile = (): string => `${JSON.stringify(openApiDocument(), null, 2)}\n`;
