import { monthNames } from '../messages/format.ts';
import { type IsoDate, parseIsoDate } from '../time/calendar-date.ts';

// UN titles write the date of a letter or note as "dated 11 September 2024".
const DATED = /\bdated\s+(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\b/i;

/** The day the title says the note or letter is dated, or undefined when it names none (or no real day). */
export const titleDate = (title: string): IsoDate | undefined => {
  const match = DATED.exec(title);
  if (!match) return undefined;
  const written = (match[2] ?? '').toLowerCase();
  const month = monthNames.findIndex((name) => name.toLowerCase() === written) + 1;
  if (month === 0) return undefined;
  const day = (match[1] ?? '').padStart(2, '0');
  return parseIsoDate(`${match[3]}-${String(month).padStart(2, '0')}-${day}`);
};
