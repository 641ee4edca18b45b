import { openApiDocument } from '../../core/api/openapi-document.ts';
import { noQuery } from '../../core/api/route-queries.ts';
import { lazy } from '../../core/lazy.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { httpHandler, ok } from './http-handler.ts';
import { queryParameters } from './request-input.ts';

/** Built from the schemas once per cold start: it changes only with a deploy. */
const document = /* @__PURE__ */ lazy(openApiDocument);

/** GET /openapi.json — the API's OpenAPI 3.1 document. */
export const handlerFor = () =>
  httpHandler(async (event) => {
    queryParameters(event, noQuery());
    return ok(document());
  });

export const handler = lazyHandler(() => handlerFor());
