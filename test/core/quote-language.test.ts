import { describe, expect, it } from 'vitest';
import { isAuthenticLanguage, quoteLanguageNote } from '../../lambdas/core/obligations/quote-language.ts';

// The registry no longer quotes a German text (1373 p6 is now quoted in French), so the German note is checked here.
describe('the note under a quote in another language', () => {
  it('calls a German quote the UN translation, not an authentic text', () => {
    expect(isAuthenticLanguage('de')).toBe(false);
    expect(quoteLanguageNote('de')).toBe(
      "Quoted from the UN's German translation, which is not one of the resolution's authentic texts; its English words were not read.",
    );
  });

  it('calls a quote in one of the six official languages authentic', () => {
    expect(isAuthenticLanguage('fr')).toBe(true);
    expect(quoteLanguageNote('fr')).toBe(
      'Quoted in French, one of the languages in which the resolution is equally authentic; its English words were not read.',
    );
  });
});
