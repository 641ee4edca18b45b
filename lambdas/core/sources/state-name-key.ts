/**
 * The form in which state names are compared: accents, case, curly apostrophes and a leading
 * "the" dropped, so "the Sudan" meets "Sudan" and "Cote d'Ivoire" meets "Côte d’Ivoire".
 */
export const normaliseStateName = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replaceAll('’', "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
