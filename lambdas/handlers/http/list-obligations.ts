import * as z from 'zod/mini';
import * as aws from '../../aws-dependencies.ts';
import { listObligations } from '../../core/obligations/obligation-query.ts';
import type { ObligationCatalogue } from '../../core/ports/stores.ts';
import { committeeSchema } from '../../core/validation/common-schemas.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { httpHandler, ok } from './http-handler.ts';
import { afterParameter, limitParameter } from './query-schemas.ts';
import { queryParameters } from './request-input.ts';

/** GET /obligations?committee=&resolution=&kind=&limit=&after= — the catalogue, earliest deadline first, paged by `next`. */
export const handlerFor = (deps: { readonly obligations: ObligationCatalogue }) =>
  httpHandler(async (event) => {
    const query = queryParameters(event, {
      committee: z.optional(committeeSchema),
      resolution: z.optional(z.string().check(z.regex(/^\d{1,5}$/, 'must be the resolution number, e.g. "2397"'))),
      kind: z.optional(z.enum(['report', 'action'])),
      limit: limitParameter(500, 100),
      after: afterParameter,
    });
    return ok(await listObligations(query, deps.obligations));
  });

export const handler = lazyHandler(() => handlerFor({ obligations: aws.obligations() }));
