import { describe, expect, it } from 'vitest';
import { routes } from '../../lambdas/contracts/routes.ts';
import { renderApiDocsPage } from '../../lambdas/core/api/api-docs-page.ts';
import { openApiDocument } from '../../lambdas/core/api/openapi-document.ts';

const page = renderApiDocsPage(openApiDocument());

describe('GET /docs', () => {
  it('lists every route with its method and path, and links to the machine-readable document', () => {
    for (const route of routes) expect(page).toContain(`<code>${route.method} ${route.path}</code>`);
    expect(page).toContain('<a href="openapi.json">');
  });

  it('shows parameters, request schemas, the named schemas and a curl example', () => {
    expect(page).toContain('<td><code>asOf</code></td><td>query</td><td>no</td>');
    expect(page).toContain('<summary>Request body (application/json)</summary>');
    expect(page).toContain('<section id="schema-Watch"><h3>Watch</h3>');
    expect(page).toContain('curl -X POST &quot;$API/watches&quot; -H &quot;authorization: Bearer $TOKEN&quot;');
  });

  it('loads nothing from elsewhere: no scripts, no external styles, fonts or images', () => {
    expect(page).not.toMatch(/<script|<link|<img|@import|src=/i);
  });
});
