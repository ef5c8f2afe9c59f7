/**
 * Segment stage: paragraphs, sentences and tokens (POS, lemma, negation) with wink-nlp.
 *
 * wink-nlp runs paragraph by paragraph so no sentence crosses a paragraph break; token
 * offsets are recovered by walking the paragraph text, so every span points into doc.text.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Doc, Span } from '../doc.ts';

export type WinkNLP = ReturnType<typeof winkNLP>;

/**
 * Load the wink-nlp English model (about 0.3 s); share the result between stages. Only the
 * annotations Parley reads run: sentence boundaries, negation and POS (with lemmas); wink's
 * named entities, custom entities and sentiment are never read and cost a third of readDoc.
 */
export function loadNlp(): WinkNLP {
  return winkNLP(model, ['sbd', 'negation', 'pos']);
}

/** Paragraph spans of a text: runs of non-blank lines separated by blank lines. */
export function paragraphSpans(text: string): Span[] {
  const out: Span[] = [];
  const re = /\n[ \t]*\n/g;
  let start = 0;
  let m: RegExpExecArray | null;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e, label: 'paragraph' });
  };
  while ((m = re.exec(text))) {
    push(start, m.index);
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return out;
}

export function createSegmentStage(nlp: WinkNLP = loadNlp()) {
  const its = nlp.its;
  return function segment(doc: Doc): void {
    const text = doc.text;
    const t = doc.tokens;
    doc.paragraphs = paragraphSpans(text);
    doc.sentences = [];
    for (const para of doc.paragraphs) {
      const ptext = text.slice(para.start, para.end);
      const wdoc = nlp.readDoc(ptext);
      const toks = wdoc.tokens();
      const values = toks.out(its.value) as string[];
      const pos = toks.out(its.pos) as string[];
      const lemma = toks.out(its.lemma as never) as unknown as string[];
      const neg = toks.out(its.negationFlag) as unknown as boolean[];
      const sents = wdoc.sentences().out(its.span as never) as unknown as [number, number][];
      // token offsets: find each token's surface text at or after the cursor
      let cursor = 0;
      const starts: number[] = new Array(values.length);
      const ends: number[] = new Array(values.length);
      for (let i = 0; i < values.length; i++) {
        const v = values[i]!;
        let at = ptext.indexOf(v, cursor);
        if (at < 0 || at - cursor > 64) at = cursor; // wink normalised the token: keep it in place
        starts[i] = para.start + at;
        ends[i] = para.start + Math.min(ptext.length, at + v.length);
        cursor = at + v.length;
      }
      for (const [a, b] of sents) {
        // skip sentences made only of whitespace tokens
        let s = a;
        let e = b;
        while (s <= e && pos[s] === 'SPACE') s++;
        while (e >= s && pos[e] === 'SPACE') e--;
        if (s > e) continue;
        const si = doc.sentences.length;
        doc.sentences.push({ start: starts[s]!, end: ends[e]!, label: 'sentence' });
        for (let i = s; i <= e; i++) {
          if (pos[i] === 'SPACE') continue;
          t.start.push(starts[i]!);
          t.end.push(ends[i]!);
          t.pos.push(pos[i]!);
          t.lemma.push(lemma[i]!);
          t.lower.push(values[i]!.toLowerCase());
          t.sentence.push(si);
          (t.negated as number[]).push(neg[i] ? 1 : 0);
        }
      }
    }
  };
}
