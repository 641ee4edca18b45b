/**
 * The languages a quoted paragraph may be in besides English: the five other languages in which a
 * Security Council resolution is equally authentic, and German, in which the registry quotes a UN
 * volume of the resolutions in translation (not an authentic text).
 */
export const quoteLanguages = ['ar', 'zh', 'fr', 'ru', 'es', 'de'] as const;

/** A BCP 47 language tag, as the page's `lang` attribute takes it. */
export type QuoteLanguage = (typeof quoteLanguages)[number];

const languageNames: Readonly<Record<QuoteLanguage, string>> = {
  ar: 'Arabic',
  zh: 'Chinese',
  fr: 'French',
  ru: 'Russian',
  es: 'Spanish',
  de: 'German',
};

/** Whether the resolution's text in this language is authentic (every official UN language is), or a translation. */
export const isAuthenticLanguage = (language: QuoteLanguage): boolean => language !== 'de';

/** What a reader is told under a quote that is not in English, so no one takes it, or a gloss of it, for the English words. */
export const quoteLanguageNote = (language: QuoteLanguage): string =>
  isAuthenticLanguage(language)
    ? `Quoted in ${languageNames[language]}, one of the languages in which the resolution is equally authentic; its English words were not read.`
    : `Quoted from the UN's ${languageNames[language]} translation, which is not one of the resolution's authentic texts; its English words were not read.`;
