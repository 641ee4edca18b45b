import * as aws from '../../aws-dependencies.ts';
import { obligationsQuery } from '../../core/api/route-queries.ts';
import { listObligations } from '../../core/obligations/obligation-query.ts';
import type { ObligationCatalogue } from '../../core/ports/stores.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { httpHandler, ok } from './http-handler.ts';
import { queryParameters } from './request-input.ts';

/** GET /obligations?committee=&resolution=&kind=&limit=&after= — the catalogue, earliest deadline first, paged by `next`. */
export const handlerFor = (deps: { readonly obligations: ObligationCatalogue }) =>
  httpHandler(async (event) => {
    const query = queryParameters(event, obligationsQuery());
    return ok(await listObligations(query, deps.obligations));
  });

export const handler = lazyHandler(() => handlerFor({ obligations: aws.obligations() }));
