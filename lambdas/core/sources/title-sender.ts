import { type NamedState, stateNamed } from './state-name-lookup.ts';

export type TitleSender =
  | (NamedState & { readonly written: string })
  | { readonly kind: 'unknown'; readonly written: string }
  | { readonly kind: 'none' };

// Who sends a note or letter, as UN titles put it; the state's name follows "of"/"by". The
// group `report` marks "Report of …", which is as often a committee's as a state's: only a known
// state's name after it counts, so "Report of the Committee" is no unknown sender.
const SENDER =
  /\b(?:Permanent Mission|(?:Deputy )?Permanent Representative|Chargé d'affaires a\.i\.|Mission|Government|Embassy|Ministry of Foreign Affairs|(?<report>(?:national |implementation )?report(?: submitted)?))\s+(?:of|by|from)\s+/giu;
// Where a name, when none is known, is taken to end.
const NAME_END = /\s+(?:to the|addressed|dated|concerning|pursuant|on the|submitted)\b|[,;:(]|$/iu;
const MAX_NAME_WORDS = 10;

/** The longest run of words at the start of `text` that names a known state. */
const longestKnownName = (text: string): (NamedState & { readonly written: string }) | undefined => {
  const words = text.split(/\s+/).slice(0, MAX_NAME_WORDS);
  for (let count = words.length; count > 0; count -= 1) {
    const written = words
      .slice(0, count)
      .join(' ')
      .replace(/[.,;:]+$/, '');
    const state = stateNamed(written);
    if (state) return { ...state, written };
  }
  return undefined;
};

/**
 * The state the title says sent the document: the first sender phrase ("Permanent Mission of …",
 * "Permanent Representative of …") followed by a known name. A phrase followed by no known name
 * yields `unknown` with the words found, so a reviewer sees them; nothing is guessed.
 */
export const titleSender = (title: string): TitleSender => {
  let firstUnknown: string | undefined;
  for (const match of title.matchAll(SENDER)) {
    const rest = title.slice((match.index ?? 0) + match[0].length);
    const known = longestKnownName(rest);
    if (known) return known;
    if (match.groups?.report !== undefined) continue;
    firstUnknown ??= rest.slice(0, NAME_END.exec(rest)?.index ?? rest.length).trim();
  }
  return firstUnknown ? { kind: 'unknown', written: firstUnknown } : { kind: 'none' };
};
