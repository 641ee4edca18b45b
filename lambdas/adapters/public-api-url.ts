import { requiredEnv } from './environment.ts';

/** The API's base URL (the stack's ApiUrl output), from which messages link to where watches are managed. */
export const PUBLIC_API_URL_ENV = 'PUBLIC_API_URL';

/** Where a subscriber changes or stops their watches. */
export const manageWatchesUrl = (): string => `${requiredEnv(PUBLIC_API_URL_ENV).replace(/\/+$/, '')}/watches`;
