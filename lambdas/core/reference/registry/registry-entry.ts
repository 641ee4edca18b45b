/**
 * One reporting (or action) duty a Security Council resolution sets member states, as the
 * registry records it: the paragraph's own words, where they were read, and when the duty falls
 * due. Plain data, so the registry files hold facts only and the obligation model derives the rest.
 */

import type { QuoteLanguage } from '../../obligations/quote-language.ts';

/** A length of time as a resolution words it: "within 90 days", "within 15 months". */
export type RegistryOffset = { readonly days: number } | { readonly months: number };

/** What the offset counts from. */
export type RegistryTrigger =
  | { readonly from: 'adoption' }
  /** A day the resolution names or implies, e.g. the measures coming into force. */
  | { readonly from: 'named-date'; readonly name: string; readonly date: string; readonly sourceUrl: string };

export type RegistryDue =
  /** One deadline: "within 90 days of the adoption of this resolution". */
  | { readonly type: 'once'; readonly within: RegistryOffset; readonly trigger: RegistryTrigger }
  /** One deadline on a day the paragraph itself names: "by 15 May 1992", `YYYY-MM-DD`. */
  | { readonly type: 'by-date'; readonly date: string }
  /** A first deadline, then again: every N months, or on a timetable the committee sets. */
  | {
      readonly type: 'recurring';
      readonly within: RegistryOffset;
      readonly trigger: RegistryTrigger;
      readonly then: { readonly everyMonths: number } | { readonly timetable: string };
    }
  /** "Report ... on the steps they have taken", with no date: tracked as received, never overdue. */
  | { readonly type: 'open-ended' }
  /** Owed only once something happens to a state (an inspection, a seizure): "within 30 days". */
  | { readonly type: 'conditional'; readonly condition: string; readonly within: RegistryOffset };

/**
 * A quote read in another language than English (no stored page held the English words), with our
 * own English gloss of it. The gloss is ours, not the UN's: it serves readers of the data and the
 * deadline check, and is never shown or cited as the resolution's words.
 */
export interface QuoteInOtherLanguage {
  readonly language: QuoteLanguage;
  readonly ourGloss: string;
}

export interface RegistryEntry {
  /** Lowercase slug: resolution, paragraph and what, e.g. `1970-p25-measures`. */
  readonly id: string;
  /** Lowercase slug of the sanctions regime, e.g. `dprk`, `isil-al-qaida`, `1540`, `libya`. */
  readonly regime: string;
  /** The committee the reports go to, by its founding resolution, e.g. `1718`, `1267`, `1540`. */
  readonly committee: string;
  /** Resolution number, e.g. `1970`. */
  readonly resolution: string;
  /** Day of adoption, `YYYY-MM-DD`. */
  readonly adoptedOn: string;
  /** Paragraph number as printed, e.g. `25` or `8`. */
  readonly paragraph: string;
  /** Short title for lists, e.g. "Report on implementation of the Libya measures". */
  readonly title: string;
  readonly kind: 'report' | 'action';
  /**
   * Quoted exactly from `source.url` (may be shortened with "..."): the paragraph's words, or,
   * where `source.restates` is given, the page's own restatement of the duty.
   */
  readonly quote: string;
  /** Absent: `quote` is English. */
  readonly quoteIn?: QuoteInOtherLanguage;
  readonly source: {
    /** Document symbol, e.g. `S/RES/1970 (2011)`. */
    readonly document: string;
    /** Where the quote was read. */
    readonly url: string;
    readonly publisher: string;
    /** Day the page was read, `YYYY-MM-DD`. */
    readonly readOn: string;
    /**
     * Present when no stored page held the paragraph's words and this one restates the duty in
     * its own: the due date it names, which the due rule must give.
     */
    readonly restates?: { readonly dueDate: string };
  };
  readonly due: RegistryDue;
  /**
   * True only where the service holds the states' reports (resolution 2397 paragraph 8, from the
   * verified record): elsewhere it cannot tell who reported, so it never calls a state overdue.
   */
  readonly reportsRecorded?: true;
}
