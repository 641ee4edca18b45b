/** Text that may be written shorter: its variants, longest first, and when it gives way (lower first). */
export interface Shrinkable {
  readonly variants: readonly string[];
  readonly yieldOrder: number;
}

export type Part = string | Shrinkable;

/** A title cut word by word: "Midterm report on repatriated DPRK workers", "Midterm report on repatriated DPRK...", … */
export const wordsOf = (text: string, yieldOrder: number): Shrinkable => {
  const words = text.split(' ');
  const cuts = words.slice(1).map((_, index) => `${words.slice(0, words.length - 1 - index).join(' ')}...`);
  return { variants: [text, ...cuts], yieldOrder };
};

/** A list naming fewer items and counting the rest: "AO, BJ, BW", "AO, BJ... +1", "AO... +2". */
export const listOf = (items: readonly string[], yieldOrder: number): Shrinkable => ({
  variants: items.map((_, index) => {
    const shown = items.length - index;
    return index === 0 ? items.join(', ') : `${items.slice(0, shown).join(', ')}... +${index}`;
  }),
  yieldOrder,
});

/** The longest prefix (plus "...") that fits; fits must be monotonic in the prefix, as lengths are. */
const truncate = (text: string, fits: (text: string) => boolean): string => {
  const chars = [...text];
  const cut = (length: number) => `${chars.slice(0, length).join('').trimEnd()}...`;
  let [low, high] = [0, chars.length];
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(cut(middle))) low = middle;
    else high = middle - 1;
  }
  return cut(low);
};

/**
 * Joins the parts, shortening the shrinkable ones (lowest yieldOrder first, each as far as it
 * goes) until `fits` accepts the text; if even the shortest is too long, it is cut.
 */
export const fitParts = (parts: readonly Part[], fits: (text: string) => boolean): string => {
  const slots = parts.map((part) => ({ part, at: 0 }));
  const text = () =>
    slots.map(({ part, at }) => (typeof part === 'string' ? part : (part.variants[at] ?? ''))).join('');
  const shrinkable = slots
    .filter((slot): slot is { part: Shrinkable; at: number } => typeof slot.part !== 'string')
    .sort((a, b) => a.part.yieldOrder - b.part.yieldOrder);
  for (const slot of shrinkable) {
    while (!fits(text()) && slot.at < slot.part.variants.length - 1) slot.at += 1;
  }
  const best = text();
  return fits(best) ? best : truncate(best, fits);
};
