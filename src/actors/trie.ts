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
  /** 1 for folded codes that are letters or digits (the table behind isWord). */
  wordTable: Uint8Array;
}

const SPACE = 32;
const NONE: ReadonlyArray<never> = Object.freeze([]);

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
    wordTable: word,
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
  matchAt(folded: Uint16Array, start: number): readonly TrieMatch<T>[];
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
  // the Map-based trie is flattened into typed arrays on first use (and again after an add)
  let flat: Flat<T> | null = null;
  return {
    add(key, value) {
      if (!key) return;
      const node = walk(key, true)!;
      (node.values ??= []).push(value);
      flat = null;
    },
    get(key) {
      return walk(key, false)?.values ?? undefined;
    },
    matchAt(folded, start) {
      const fl = (flat ??= flatten(root));
      const c0 = folded[start]!;
      let node = c0 < 128 ? fl.rootTable[c0]! : (fl.rootWide.get(c0) ?? -1);
      if (node < 0) return NONE;
      let out: TrieMatch<T>[] | null = null;
      const n = folded.length;
      const { childStart, childCode, childNode, values } = fl;
      let j = start + 1;
      let c = folded[start]!;
      for (;;) {
        const v = values[node];
        if (v && (j === n || !folder.isWord(folded[j]!)) && c !== SPACE) (out ??= []).push({ end: j, values: v });
        if (j >= n) break;
        c = folded[j]!;
        if (c === SPACE && folded[j - 1] === SPACE) {
          j++;
          continue;
        }
        const a = childStart[node]!;
        const b = childStart[node + 1]!;
        let next = -1;
        for (let k = a; k < b; k++) {
          if (childCode[k] === c) {
            next = childNode[k]!;
            break;
          }
        }
        if (next < 0) break;
        node = next;
        j++;
      }
      return out ? out.reverse() : NONE;
    },
  };
}

interface Flat<T> {
  /** Root children of ASCII codes (a small, cache-friendly table); wider codes in rootWide. */
  rootTable: Int32Array;
  rootWide: Map<number, number>;
  childStart: Int32Array;
  childCode: Uint16Array;
  childNode: Int32Array;
  values: Array<T[] | null>;
}

function flatten<T>(root: Node<T>): Flat<T> {
  const nodes: Node<T>[] = [];
  const ids = new Map<Node<T>, number>();
  const stack: Node<T>[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    ids.set(n, nodes.length);
    nodes.push(n);
    if (n.next) for (const c of n.next.values()) stack.push(c);
  }
  const childStart = new Int32Array(nodes.length + 1);
  let total = 0;
  nodes.forEach((n, i) => {
    childStart[i] = total;
    total += n.next?.size ?? 0;
  });
  childStart[nodes.length] = total;
  const childCode = new Uint16Array(total);
  const childNode = new Int32Array(total);
  nodes.forEach((n, i) => {
    let k = childStart[i]!;
    if (n.next) for (const [c, m] of n.next) {
      childCode[k] = c;
      childNode[k] = ids.get(m)!;
      k++;
    }
  });
  const rootTable = new Int32Array(128).fill(-1);
  const rootWide = new Map<number, number>();
  if (root.next) for (const [c, m] of root.next) {
    if (c < 128) rootTable[c] = ids.get(m)!;
    else rootWide.set(c, ids.get(m)!);
  }
  return { rootTable, rootWide, childStart, childCode, childNode, values: nodes.map((n) => n.values) };
}
