import { test } from 'node:test';
import assert from 'node:assert/strict';
import { undirected } from './network.ts';

test('undirected merges both directions of a pair and weights intensity by events', () => {
  const links = undirected({
    nodes: [],
    edges: [
      { source: 'USA', target: 'CHN', events: 3, intensity: 2 },
      { source: 'CHN', target: 'USA', events: 1, intensity: -6 },
      { source: 'RUS', target: 'UKR', events: 5, intensity: -4 },
      { source: 'RUS', target: 'RUS', events: 2, intensity: 1 },
    ],
  });
  assert.deepEqual(links, [
    { a: 'RUS', b: 'UKR', events: 5, intensity: -4 },
    { a: 'CHN', b: 'USA', events: 4, intensity: 0 },
  ]);
});
