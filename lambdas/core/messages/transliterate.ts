/**
 * Stand-ins for characters that lose nothing readable when spelled in plain letters. Decomposable
 * letters (ô, ã, í) need no entry: their accents are stripped. Anything else becomes "?".
 */
const substitutes: Readonly<Record<string, string>> = {
  '→': '->',
  '←': '<-',
  '−': '-',
  '–': '-',
  '—': '-',
  '‐': '-',
  '‑': '-',
  '‘': "'",
  '’': "'",
  '‚': ',',
  '“': '"',
  '”': '"',
  '„': '"',
  '•': '*',
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  ø: 'o',
  Ø: 'O',
  œ: 'oe',
  Œ: 'OE',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  ł: 'l',
  Ł: 'L',
  ı: 'i',
  þ: 'th',
  Þ: 'Th',
  '€': 'EUR',
  '£': 'GBP',
};

/** A substitute, else a space for whitespace, else the character without its accents (NFKD also unfolds ligatures and "…"), else "?". */
const replacement = (char: string, allowed: (char: string) => boolean): string => {
  const substitute = substitutes[char];
  if (substitute !== undefined && [...substitute].every(allowed)) return substitute;
  if (/\s/u.test(char)) return ' ';
  const stripped = char.normalize('NFKD').replace(/\p{M}/gu, '');
  return stripped !== '' && [...stripped].every(allowed) ? stripped : '?';
};

/** Keeps every character `allowed` accepts (which must include the space) and replaces the rest. */
export const transliterate = (text: string, allowed: (char: string) => boolean): string =>
  Array.from(text, (char) => (allowed(char) ? char : replacement(char, allowed))).join('');

const isPrintableAscii = (char: string): boolean => char >= ' ' && char <= '~';

/** Printable ASCII only: "Côte d'Ivoire" → "Cote d'Ivoire", "30,023 → 11,490" → "30,023 -> 11,490". */
export const toAscii = (text: string): string => transliterate(text, isPrintableAscii);
