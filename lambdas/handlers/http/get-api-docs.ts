import { renderApiDocsPage } from '../../core/api/api-docs-page.ts';
import { openApiDocument } from '../../core/api/openapi-document.ts';
import { noQuery } from '../../core/api/route-queries.ts';
import { lazy } from '../../core/lazy.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { httpHandler, okText } from './http-handler.ts';
import { queryParameters } from './request-input.ts';

/** Rendered once per cold start: the contract changes only with a deploy. */
const page = /* @__PURE__ */ lazy(() => ({ html: renderApiDocsPage(openApiDocument()) }));

/** GET /docs — the OpenAPI document as an HTML page, rendered on the server. */
export const handlerFor = () =>
  httpHandler(async (event) => {
    queryParameters(event, noQuery());
    return okText(page().html, 'text/html; charset=utf-8');
  });

export const handler = lazyHandler(() => handlerFor());
