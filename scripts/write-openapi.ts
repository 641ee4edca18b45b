import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openApiFileUrl, renderOpenApiFile } from './openapi-file.ts';

// `npm run openapi`: rewrites docs/openapi.json after a route or schema changes; a test fails until it is.
writeFileSync(openApiFileUrl, renderOpenApiFile());
console.log(`Wrote ${fileURLToPath(openApiFileUrl)}`);
