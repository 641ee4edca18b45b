import { PUBLIC_API_URL_ENV } from '../contracts/environment.ts';
import { requiredEnv } from './environment.ts';

/** The API's base URL as the stack sets it, without a trailing slash: public links (feeds) are built on it. */
export const publicApiUrl = (): string => requiredEnv(PUBLIC_API_URL_ENV).replace(/\/+$/, '');

/** Where a subscriber changes or stops their watches, on the API at `apiUrl`. */
export const manageWatchesUrl = (apiUrl: string): string => `${apiUrl}/watches`;
