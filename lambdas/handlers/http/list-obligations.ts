import * as aws from '../../aws-dependencies.ts';
import { byDeadline } from '../../core/obligations/obligation.ts';
import type { ObligationCatalogue } from '../../core/ports/stores.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { httpHandler, ok } from './http-handler.ts';
import { queryParameters } from './request-input.ts';

/** GET /obligations — the catalogue, earliest deadline first. */
export const handlerFor = (deps: { readonly obligations: ObligationCatalogue }) =>
  httpHandler(async (event) => {
    queryParameters(event, {});
    const catalogue = await deps.obligations.list();
    return ok({ count: catalogue.length, obligations: catalogue.sort(byDeadline) });
  });

export const handler = lazyHandler(() => handlerFor({ obligations: aws.obligations() }));
