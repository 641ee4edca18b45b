import { transliterate } from './transliterate.ts';

/**
 * The GSM 03.38 default alphabet (one septet each; ESC is not a character of its own) and its
 * extension table (ESC plus one septet, so two). A single character outside both makes a phone
 * network send the whole SMS as UCS-2, cutting a segment from 160 characters to 70.
 */
const basic = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const extension = new Set('\f^{}\\[~]|€');

const isGsm7Char = (char: string): boolean => basic.has(char) || extension.has(char);

export const isGsm7 = (text: string): boolean => [...text].every(isGsm7Char);

/** Length in septets; throws for text that is not GSM-7, which has no septet length (pass it through toGsm7 first). */
export const gsm7Length = (text: string): number => {
  let septets = 0;
  for (const char of text) {
    if (basic.has(char)) septets += 1;
    else if (extension.has(char)) septets += 2;
    else
      throw new RangeError(
        `not a GSM-7 character: U+${char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`,
      );
  }
  return septets;
};

/**
 * Replaces what GSM-7 cannot carry and keeps what it can, accents included: "Côte d'Ivoire" →
 * "Cote d'Ivoire" (no ô in GSM-7), "São Tomé and Príncipe" → "Sao Tomé and Principe", "Türkiye"
 * stays. Keeping é and ü spells names right at no cost: they are one septet like any letter.
 */
export const toGsm7 = (text: string): string => transliterate(text, isGsm7Char);
