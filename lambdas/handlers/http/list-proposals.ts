import * as aws from '../../aws-dependencies.ts';
import { proposalsQuery } from '../../core/api/route-queries.ts';
import type { SourceStore } from '../../core/ports/source-store.ts';
import { listProposals } from '../../core/sources/list-proposals.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { requireAdmin } from './caller.ts';
import { httpHandler, ok } from './http-handler.ts';
import { queryParameters } from './request-input.ts';

/** GET /proposals?status=&limit=&after= (admin) — what the source job found, by status, oldest first. */
export const handlerFor = (deps: { readonly sources: SourceStore }) =>
  httpHandler(async (event) => {
    requireAdmin(event);
    return ok(await listProposals(queryParameters(event, proposalsQuery()), deps.sources));
  });

export const handler = lazyHandler(() => handlerFor(aws.proposalReview()));
