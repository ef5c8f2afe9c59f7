/**
 * A word-bounded character trie over folded text (lower-cased, accents stripped, hyphens and
 * whitespace runs as one space, curly apostrophes as '). Folding keeps every offset, so a match
 * `[start, end)` in the folded text is the same range of the original text.
 */

export interface Folder {
  /** Folded code of each UTF-16 unit (same length as the input). */
  fold(text: string): Uint16Array;
  /** Fold a knowledge-base key: folded, whitespace collapsed and trimmed. */
  key(s: string): string;
  /** Letter or digit (after folding). */
  isWord(code: number): boolean;
}

const SPACE = 32;

export function createFolder(): Folder {
  const table = new Uint16Array(65536);
  const word = new Uint8Array(65536);
  const wordRe = /[\p{L}\p{N}]/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      table[c] = c;
      continue;
    }
    const ch = String.fromCharCode(c);
    let out: string;
    if (/\s/.test(ch)) out = ' ';
    else if (ch === '-' || ch === '\u2010' || ch === '\u2011' || ch === '\u00ad') out = ' ';
    else if ('\u2019\u2018\u201b`\u00b4\u02bc'.includes(ch)) out = "'";
    else if (ch === '\u0131' || ch === '\u0130') out = 'i';
    else if (ch === '\u0142' || ch === '\u0141') out = 'l';
    else if (ch === '\u00f8' || ch === '\u00d8') out = 'o';
    else {
      const n = ch.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
      out = n.length > 0 ? n[0]! : ch;
    }
    table[c] = out.charCodeAt(0);
  }
  for (let c = 0; c < 65536; c++) word[c] = wordRe.test(String.fromCharCode(table[c]!)) ? 1 : 0;
  const fold = (text: string): Uint16Array => {
    const out = new Uint16Array(text.length);
    for (let i = 0; i < text.length; i++) out[i] = table[text.charCodeAt(i)]!;
    return out;
  };
  return {
    fold,
    key(s: string): string {
      const f = fold(s);
      let out = '';
      let prevSpace = true;
      for (const c of f) {
        if (c === SPACE) {
          if (!prevSpace) out += ' ';
          prevSpace = true;
        } else {
          out += String.fromCharCode(c);
          prevSpace = false;
        }
      }
      return out.trimEnd();
    },
    isWord: (code: number) => word[code] === 1,
  };
}

interface Node<T> {
  next: Map<number, Node<T>> | null;
  values: T[] | null;
}

export interface TrieMatch<T> {
  end: number;
  values: T[];
}

export interface Trie<T> {
  add(key: string, value: T): void;
  /** Every key that starts at `start` and ends on a word boundary, longest first. */
  matchAt(folded: Uint16Array, start: number): TrieMatch<T>[];
  /** Values stored under exactly this (already folded) key. */
  get(key: string): T[] | undefined;
}

export function createTrie<T>(folder: Folder): Trie<T> {
  const root: Node<T> = { next: null, values: null };
  const walk = (key: string, create: boolean): Node<T> | undefined => {
    let node = root;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let n = node.next?.get(c);
      if (!n) {
        if (!create) return undefined;
        n = { next: null, values: null };
        (node.next ??= new Map()).set(c, n);
      }
      node = n;
    }
    return node;
  };
  return {
    add(key, value) {
      if (!key) return;
      const node = walk(key, true)!;
      (node.values ??= []).push(value);
    },
    get(key) {
      return walk(key, false)?.values ?? undefined;
    },
    matchAt(folded, start) {
      const out: TrieMatch<T>[] = [];
      let node: Node<T> | undefined = root;
      const n = folded.length;
      let j = start;
      while (j < n && node?.next) {
        const c = folded[j]!;
        if (c === SPACE && j > start && folded[j - 1] === SPACE) {
          j++;
          continue;
        }
        node = node.next.get(c);
        if (!node) break;
        j++;
        if (node.values && (j === n || !folder.isWord(folded[j]!)) && c !== SPACE) out.push({ end: j, values: node.values });
      }
      return out.reverse();
    },
  };
}
