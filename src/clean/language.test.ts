import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage, lineLanguage } from './language.ts';

const cases: Array<{ name: string; text: string; want: string | null }> = [
  { name: 'English', text: 'The government announced on Monday that it would raise the minimum wage next year.', want: 'en' },
  { name: 'Spanish', text: 'El gobierno anunció el lunes que subirá el salario mínimo el próximo año.', want: 'es' },
  { name: 'French', text: 'Le gouvernement a annoncé lundi qu’il augmenterait le salaire minimum l’an prochain.', want: 'fr' },
  { name: 'Chinese', text: '政府周一宣布，明年将提高最低工资标准。', want: 'zh' },
  { name: 'no letters', text: '2024 — 12:30 / 45%', want: null },
];
for (const c of cases) {
  test(`detectLanguage: ${c.name}`, () => assert.equal(detectLanguage(c.text), c.want));
}

test('lineLanguage: too short a line gives null', () => {
  assert.equal(lineLanguage('Read more'), null);
});
test('lineLanguage: a clear Spanish line', () => {
  assert.equal(lineLanguage('Descarga nuestra aplicación y recibe todas las noticias del día en tu teléfono'), 'es');
});

// Lines a scraped page glues into an English article: another language is named, and an English
// line full of foreign names is never taken for another language.
const LINES: Array<[string, (got: string | null) => boolean]> = [
  ['Jetzt kostenlos registrieren und alle Artikel unbegrenzt auf dem Handy lesen', (g) => g === 'de'],
  ['Scarica la nostra app e ricevi tutte le notizie del giorno sul tuo telefono', (g) => g === 'it'],
  ['Dapatkan berita terbaru setiap hari langsung di ponsel Anda secara gratis', (g) => g === 'ms' || g === 'id'],
  ['Wang Yi met Sergei Lavrov and Ahmed Aboul Gheit in Beijing on Tuesday morning', (g) => g === 'en' || g === null],
  ['Kyiv and Warsaw signed a grain transit accord after talks in Rzeszow last week', (g) => g === 'en' || g === null],
];
for (const [line, ok] of LINES) {
  test(`lineLanguage: ${line.slice(0, 40)}…`, () => {
    const got = lineLanguage(line);
    assert.ok(ok(got), `got ${got}`);
  });
}
