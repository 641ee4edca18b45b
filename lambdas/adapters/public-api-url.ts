import { PUBLIC_API_URL_ENV } from '../contracts/environment.ts';
import { requiredEnv } from './environment.ts';

/** The API's base URL, without a trailing slash: public links (feeds) are built on it. */
export const publicApiUrl = (): string => requiredEnv(PUBLIC_API_URL_ENV).replace(/\/+$/, '');

/** Where a subscriber changes or stops their watches. */
export const manageWatchesUrl = (): string => `${publicApiUrl()}/watches`;
