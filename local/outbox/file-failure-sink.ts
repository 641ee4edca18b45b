import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DeliveryFailure } from '../../lambdas/core/delivery/delivery-records.ts';
import type { DeliveryFailureSink } from '../../lambdas/core/ports/stores.ts';

/** The local stand-in for the delivery-failures queue: one JSON line per parked failure. */
export const fileFailureSink = (file: string): DeliveryFailureSink => ({
  park: async (failure: DeliveryFailure) => {
    await mkdir(dirname(file), { recursive: true });
    await appendFile(file, `${JSON.stringify(failure)}\n`);
  },
});
