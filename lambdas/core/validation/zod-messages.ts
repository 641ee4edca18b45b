/**
 * Gives zod/mini English error messages (it ships none by default). Imported for its effect by
 * every schema module. Only the English locale is imported, so no other locale reaches a bundle.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());
