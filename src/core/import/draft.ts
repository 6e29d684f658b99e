/** What every importer produces before ids are assigned: cards with the line they came from. */

interface DraftCommon {
  /** 1-based line of the input the card starts on. */
  line: number;
  front: string;
  tags?: string[];
  /** The heading the card sits under: confusable cards share it (quiz distractors). */
  topic?: string;
  /** An Anki package note's GUID: amgi's own export names the card it came from by it. */
  guid?: string;
}

export type DraftCard =
  | (DraftCommon & { type: 'basic' | 'reversible'; back: string })
  /** The back is what the learner types (Anki's "Basic (type in the answer)"). */
  | (DraftCommon & { type: 'typed'; back: string })
  | (DraftCommon & { type: 'cloze'; back?: string });

/** A line that looked like a card but was not made into one, and why. */
export interface SkippedLine {
  line: number;
  text: string;
  reason: string;
}

export interface ImportParse {
  cards: DraftCard[];
  /** Near misses: lines that look like cards but are not, with the reason. */
  skipped: SkippedLine[];
  /** Lines of text that no pattern turned into a card (prose, tables…). */
  ignoredLines: number[];
  /** A title found in the input (first `#` heading, Anki deck name). */
  title?: string;
}
