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
