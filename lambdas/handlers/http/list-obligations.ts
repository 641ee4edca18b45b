import { byDeadline } from '../../core/obligations/obligation.ts';
import { tableDependencies } from '../table-dependencies.ts';
import { httpHandler, ok } from './http-handler.ts';
import { queryParameters } from './request-input.ts';

const { obligations } = tableDependencies();

/** GET /obligations — the catalogue, earliest deadline first. */
export const handler = httpHandler(async (event) => {
  queryParameters(event, {});
  const catalogue = await obligations.list();
  return ok({ count: catalogue.length, obligations: catalogue.sort(byDeadline) });
});
