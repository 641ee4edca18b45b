import * as z from 'zod/mini';
import * as aws from '../../aws-dependencies.ts';
import { defineObligation } from '../../core/obligations/obligation.ts';
import { obligationFields } from '../../core/obligations/obligation-schema.ts';
import type { CustomGroupStore, ObligationCatalogue } from '../../core/ports/stores.ts';
import { findGroup } from '../../core/reference/group-directory.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { requireAdmin } from './caller.ts';
import { created, httpHandler } from './http-handler.ts';
import { jsonBody } from './request-input.ts';

/** The due date follows from adoption and offset, so an admin never sends one. */
const obligationInputSchema = z.lazy(() =>
  z.strictObject(z.omit(z.object(obligationFields()), { dueDate: true }).shape),
);

/** POST /obligations (admin) — adds an obligation to the catalogue; 409 if the id is taken. */
export const handlerFor = (deps: {
  readonly obligations: ObligationCatalogue;
  readonly customGroups: Pick<CustomGroupStore, 'get'>;
}) =>
  httpHandler(async (event) => {
    requireAdmin(event);
    const obligation = defineObligation(jsonBody(event, obligationInputSchema));
    if (obligation.appliesTo.scope === 'group')
      await findGroup(obligation.appliesTo.groupId, deps.customGroups, 'appliesTo.groupId');
    await deps.obligations.create(obligation);
    return created(obligation);
  });

export const handler = lazyHandler(() =>
  handlerFor({ obligations: aws.obligations(), customGroups: aws.customGroups() }),
);
