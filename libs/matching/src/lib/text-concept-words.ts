import { conceptTokens } from './concepts/concept-tokens';
import type { Language } from './domain';

/** The languages whose texts are kept: an explanation shows the offer's own word in Chinese and Japanese (in English, the concept's word). */
const KEPT_LANGUAGES: readonly Language[] = ['zh', 'ja'];

/** What explanations read of an index's texts: the word that first carries a concept in a text. */
export interface ConceptWordLookup {
  /** The word that first carries `concept` in the text (document, field, language), as normalised; undefined when none does. */
  firstWord(document: number, field: number, language: Language, concept: string): string | undefined;
}

/**
 * Each Chinese and Japanese text's concepts with the words that carried them, kept from indexing:
 * explaining a match shows the offer's own word for a concept (reason-terms), and reading the
 * texts again for it (normalising and segmenting ten thousand texts, each kept as a Map's entry)
 * took a third of the explanations' time. A text is the sentence pieces the index read, in order;
 * a piece's concepts are kept once however many texts repeat it. A concept is kept as its number:
 * its term id, or for a stop concept (no term) −1 − its place among them; a text is searched by
 * number. The words themselves are read again from the piece when one is asked for (once per
 * piece): keeping every concept's word while indexing cost the index more than that.
 */
export class TextConceptWords implements ConceptWordLookup {
  /** Text (document, field, language) is pieces[start[slot] .. end[slot]). */
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private pieces = new Int32Array(1 << 14);
  private size = 0;
  /** Piece p's concepts are concepts[wordStart[p] .. wordEnd[p]) in order of appearance (a concept may recur). */
  private wordStart = new Int32Array(1 << 12);
  private wordEnd = new Int32Array(1 << 12);
  private concepts = new Int32Array(1 << 14);
  private conceptCount = 0;
  /** Where the piece being added began in concepts. */
  private pieceFrom = 0;
  /** By piece number: its text and language (to read its words again), and its words once read (the word of each of its concepts, in order). */
  private readonly pieceTexts: string[] = [];
  private readonly pieceLanguages: Language[] = [];
  private readonly pieceWords: (readonly string[] | undefined)[] = [];
  private readonly stopNumbers: ReadonlyMap<string, number>;

  /** `termIds`: the index's (read when asked, so it may still grow); `stopConcepts`: the concepts that have none. */
  constructor(
    documents: number,
    private readonly fields: number,
    private readonly termIds: ReadonlyMap<string, number>,
    stopConcepts: Iterable<string>,
  ) {
    const slots = documents * fields * KEPT_LANGUAGES.length;
    this.start = new Int32Array(slots);
    this.end = new Int32Array(slots);
    this.stopNumbers = new Map([...stopConcepts].map((concept, i) => [concept, -1 - i]));
  }

  /** A stop concept's number (negative), undefined for any other concept (its number is its term id). */
  stopNumber(concept: string): number | undefined {
    return this.stopNumbers.get(concept);
  }

  /** Whether texts in `language` are kept (others are not given). */
  keeps(language: Language): boolean {
    return KEPT_LANGUAGES.includes(language);
  }

  /** Adds a concept (by number) of the piece being read, in order of appearance (as conceptTokens gives them). */
  addConcept(concept: number): void {
    if (this.conceptCount === this.concepts.length) this.concepts = grown(this.concepts, 0);
    this.concepts[this.conceptCount++] = concept;
  }

  /**
   * Ends the piece whose concepts were added since the last end: piece number `piece` (the caller
   * numbers each distinct piece once), `text` in `language` (conceptTokens of it gave the concepts).
   */
  endPiece(piece: number, text: string, language: Language): void {
    if (piece >= this.wordStart.length) {
      this.wordStart = grown(this.wordStart, piece + 1);
      this.wordEnd = grown(this.wordEnd, piece + 1);
    }
    this.wordStart[piece] = this.pieceFrom;
    this.wordEnd[piece] = this.conceptCount;
    this.pieceFrom = this.conceptCount;
    this.pieceTexts[piece] = text;
    this.pieceLanguages[piece] = language;
  }

  /** The text's pieces are pieces[from ..], in order; each text is given once. */
  setText(document: number, field: number, language: Language, pieces: readonly number[], from = 0): void {
    const slot = this.slot(document, field, language);
    const count = pieces.length - from;
    if (this.size + count > this.pieces.length) this.pieces = grown(this.pieces, this.size + count);
    this.start[slot] = this.size;
    for (let i = from; i < pieces.length; i++) this.pieces[this.size++] = pieces[i] as number;
    this.end[slot] = this.size;
  }

  /** The word that first carries `concept` in the text, as normalised; undefined when none does. */
  firstWord(document: number, field: number, language: Language, concept: string): string | undefined {
    const number = this.stopNumbers.get(concept) ?? this.termIds.get(concept);
    if (number === undefined) return undefined;
    const slot = this.slot(document, field, language);
    const end = this.end[slot] as number;
    for (let i = this.start[slot] as number; i < end; i++) {
      const piece = this.pieces[i] as number;
      const last = this.wordEnd[piece] as number;
      const first = this.wordStart[piece] as number;
      for (let k = first; k < last; k++) if (this.concepts[k] === number) return this.wordsOf(piece)[k - first];
    }
    return undefined;
  }

  /** The words that carried piece `piece`'s concepts, in order: conceptTokens gives them as it gave the concepts. */
  private wordsOf(piece: number): readonly string[] {
    let words = this.pieceWords[piece];
    if (words === undefined) {
      const read: string[] = [];
      conceptTokens(this.pieceTexts[piece] as string, this.pieceLanguages[piece] as Language, (_concept, surface) => read.push(surface));
      words = read;
      this.pieceWords[piece] = words;
    }
    return words;
  }

  private slot(document: number, field: number, language: Language): number {
    const l = KEPT_LANGUAGES.indexOf(language);
    if (field >= this.fields || l < 0) throw new Error(`no text kept for field ${field} in ${language}`);
    return (document * this.fields + field) * KEPT_LANGUAGES.length + l;
  }
}

/**
 * The texts of a patched index: each document's from the index that read it (the one patched,
 * or the small index of the offers added), by its number there. Patching a patched index
 * composes the mappings, so a lookup is one step however many patches came before; the
 * sources no document uses any more are dropped.
 */
export class PatchedConceptWords implements ConceptWordLookup {
  private constructor(
    private readonly sources: readonly TextConceptWords[],
    /** Document d is document sourceDocument[d] of sources[source[d]]. */
    private readonly source: Uint16Array | Uint32Array,
    private readonly sourceDocument: Int32Array,
  ) {}

  /**
   * `from[d]` for each document d of the patched index: ≥ 0, document from[d] of `base`; < 0,
   * document −1 − from[d] of `added`.
   */
  static of(base: ConceptWordLookup, added: TextConceptWords, from: Int32Array): PatchedConceptWords {
    const baseSources: readonly TextConceptWords[] = base instanceof PatchedConceptWords ? base.sources : [base as TextConceptWords];
    const used = new Map<TextConceptWords, number>();
    const sources: TextConceptWords[] = [];
    const number = (words: TextConceptWords): number => {
      let i = used.get(words);
      if (i === undefined) {
        i = sources.length;
        used.set(words, i);
        sources.push(words);
      }
      return i;
    };
    const source = new Uint32Array(from.length);
    const sourceDocument = new Int32Array(from.length);
    for (let d = 0; d < from.length; d++) {
      const f = from[d] as number;
      if (f < 0) {
        source[d] = number(added);
        sourceDocument[d] = -1 - f;
      } else if (base instanceof PatchedConceptWords) {
        source[d] = number(baseSources[base.source[f] as number] as TextConceptWords);
        sourceDocument[d] = base.sourceDocument[f] as number;
      } else {
        source[d] = number(baseSources[0] as TextConceptWords);
        sourceDocument[d] = f;
      }
    }
    return new PatchedConceptWords(sources, sources.length <= 0xffff ? Uint16Array.from(source) : source, sourceDocument);
  }

  firstWord(document: number, field: number, language: Language, concept: string): string | undefined {
    const words = this.sources[this.source[document] as number] as TextConceptWords;
    return words.firstWord(this.sourceDocument[document] as number, field, language, concept);
  }
}

/** A copy at least `size` long (twice as long at least). */
function grown(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const copy = new Int32Array(Math.max(2 * array.length, size));
  copy.set(array);
  return copy;
}
