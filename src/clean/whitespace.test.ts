import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalizeWhitespace } from './whitespace.ts';
import { mapped } from './mapped.ts';

const cases: Array<{ name: string; input: string; want: string }> = [
  { name: 'runs of spaces collapse', input: 'the   vote  passed', want: 'the vote passed' },
  { name: 'tabs and non-breaking spaces become spaces', input: 'the\tvote\u00a0passed\u2009today', want: 'the vote passed today' },
  { name: 'CRLF and CR become LF', input: 'one\r\ntwo\rthree', want: 'one\ntwo\nthree' },
  { name: 'Unicode line and paragraph separators become LF', input: 'one\u2028two\u2029three', want: 'one\ntwo\nthree' },
  { name: 'zero-width characters and soft hyphens are removed', input: 'minis\u00adter\u200b of\ufeff state', want: 'minister of state' },
  { name: 'lines are trimmed', input: '  indented line  \n  next ', want: 'indented line\nnext' },
  { name: 'blank lines are kept as empty lines', input: 'a\n \n\nb', want: 'a\n\n\nb' },
];
for (const c of cases) {
  test(`whitespace: ${c.name}`, () => {
    assert.equal(normalizeWhitespace(mapped(c.input)).s, c.want);
  });
}

test('whitespace: every output character maps to the same character (or a space for a space) in the input', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\t', '\n', '\r', '\u00a0', '\u200b', 'é') , maxLength: 60 }), (input) => {
      const out = normalizeWhitespace(mapped(input));
      assert.equal(out.off.length, out.s.length + 1);
      for (let i = 0; i < out.s.length; i++) {
        const src = input[out.off[i]!]!;
        const ch = out.s[i]!;
        if (ch === ' ') assert.match(src, /[ \t\u00a0]/);
        else if (ch === '\n') assert.match(src, /[\n\r]/);
        else assert.equal(src, ch);
        if (i > 0) assert.ok(out.off[i]! > out.off[i - 1]!, 'offsets increase');
      }
    }),
  );
});
