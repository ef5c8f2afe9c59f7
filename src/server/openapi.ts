/**
 * The OpenAPI 3.1 description served at /api/openapi.json. Query parameters are generated from
 * the zod schemas in schemas.ts (so they cannot drift from validation); response shapes are
 * written here.
 */
import { z } from 'zod';
import { PLOVER_TYPES } from '../extraction.ts';
import { eventsQuery, rangeQuery, relationsQuery, searchQuery } from './schemas.ts';

type Json = Record<string, unknown>;

function queryParams(schema: z.ZodType, required: string[] = []): Json[] {
  const js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, Json>; required?: string[] };
  const req = new Set([...(js.required ?? []), ...required]);
  return Object.entries(js.properties ?? {}).map(([name, s]) => {
    const { description, ...rest } = s as Json & { description?: string };
    return { name, in: 'query', required: req.has(name) && !('default' in rest), schema: rest, ...(description ? { description } : {}) };
  });
}

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const ok = (schema: Json, description = 'OK'): Json => ({ description, content: { 'application/json': { schema } } });
const errors: Json = {
  '400': ok(ref('Error'), 'invalid parameter (the error names it)'),
  '500': ok(ref('Error'), 'internal error (no details are leaked)'),
};
const nullable = (type: string): Json => ({ type: [type, 'null'] });

const schemas: Record<string, Json> = {
  Error: {
    type: 'object', required: ['error'],
    properties: { error: { type: 'object', required: ['status', 'code', 'message'], properties: {
      status: { type: 'integer' }, code: { type: 'string' }, message: { type: 'string' }, param: { type: 'string', description: 'the invalid parameter' },
    } } },
  },
  Party: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' }, country: nullable('string'), sector: nullable('string') } },
  ArticleRef: { type: 'object', properties: { doc: { type: 'string' }, title: nullable('string'), url: nullable('string'), source: nullable('string'), published: nullable('string') } },
  Evidence: {
    type: 'object',
    properties: {
      sentence: { type: 'string' }, span: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 },
      trigger: { type: 'string' }, rule: { type: 'string' }, date: nullable('string'), date_text: nullable('string'), article: ref('ArticleRef'),
    },
  },
  Event: {
    type: 'object',
    properties: {
      id: { type: 'integer' }, type: { type: 'string', enum: [...PLOVER_TYPES] }, mode: nullable('string'),
      cameo: { type: 'string', description: 'CAMEO root code' },
      quad: { type: 'string', enum: ['verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict'] },
      quad_class: { type: 'integer', minimum: 1, maximum: 4 }, intensity: { type: 'number', minimum: -10, maximum: 10 },
      source: ref('Party'), target: ref('Party'), date: { ...nullable('string'), description: 'day key: YYYY-MM-DD, YYYY-MM or YYYY' },
      num_mentions: { type: 'integer' }, num_articles: { type: 'integer' }, num_sources: { type: 'integer' }, evidence: ref('Evidence'),
    },
  },
  Mention: { allOf: [ref('Evidence'), { type: 'object', properties: { id: { type: 'integer' }, event_id: { type: 'integer' }, confidence: { type: 'number' } } }] },
  ActorSummary: {
    type: 'object',
    properties: { code: { type: 'string' }, label: { type: 'string' }, kind: nullable('string'), country: nullable('string'), events: { type: 'integer' }, as_source: { type: 'integer' }, as_target: { type: 'integer' } },
  },
  ActorDetail: {
    allOf: [ref('ActorSummary'), { type: 'object', properties: {
      names: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, count: { type: 'integer' } } } },
      partners: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, label: { type: 'string' }, events: { type: 'integer' } } } },
      types: { type: 'object', additionalProperties: { type: 'integer' } }, first: nullable('string'), last: nullable('string'),
    } }],
  },
  Article: {
    allOf: [ref('ArticleRef'), { type: 'object', properties: {
      hash: { type: 'string' }, language: nullable('string'), text: { type: 'string', description: 'clean text; every span points into it' },
      actors: { type: 'array', items: { type: 'object', properties: {
        id: { type: 'string' }, code: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' }, country: nullable('string'),
        sector: nullable('string'), role: nullable('string'), aliases: { type: 'array', items: { type: 'string' } },
        spans: { type: 'array', items: { type: 'array', items: { type: 'integer' } } },
      } } },
      events: { type: 'array', items: { type: 'object', properties: {
        event_id: { type: 'integer' }, type: { type: 'string' }, cameo: { type: 'string' }, quad: { type: 'string' }, intensity: { type: 'number' },
        source: ref('Party'), target: ref('Party'), date: nullable('string'), sentence: { type: 'string' },
        span: { type: 'array', items: { type: 'integer' } }, trigger: { type: 'string' }, rule: { type: 'string' },
      } } },
      errors: { type: 'array', items: { type: 'object' } },
    } }],
  },
  Relations: {
    type: 'object',
    properties: {
      a: { type: 'string' }, b: { type: 'string' }, by: { type: 'string' }, undated: { type: 'integer' },
      series: { type: 'array', items: { type: 'object', properties: {
        period: { type: 'string' }, counts: { type: 'object', additionalProperties: { type: 'integer' } },
        quads: { type: 'object', additionalProperties: { type: 'integer' } }, intensity: { type: 'number' },
        balance: { type: 'number', description: '(cooperation - conflict) / events' }, events: { type: 'integer' },
        ab: { type: 'integer' }, ba: { type: 'integer' },
      } } },
      total: { type: 'object' },
    },
  },
  Network: {
    type: 'object',
    properties: {
      nodes: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, label: { type: 'string' }, events: { type: 'integer' } } } },
      edges: { type: 'array', items: { type: 'object', properties: { source: { type: 'string' }, target: { type: 'string' }, events: { type: 'integer' }, intensity: { type: 'number' } } } },
    },
  },
  IngestSummary: {
    type: 'object',
    properties: {
      articles: { type: 'integer' }, new: { type: 'integer' }, unchanged: { type: 'integer' }, replaced: { type: 'integer' },
      events: { type: 'integer' }, mentions: { type: 'integer' }, failures: { type: 'integer' },
      errors: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, stage: { type: 'string' }, message: { type: 'string' }, file: { type: 'string' }, line: { type: 'integer' } } } },
    },
  },
};

const pathParam = (name: string, description: string): Json => ({ name, in: 'path', required: true, schema: { type: 'string' }, description });

export function openApiDocument(): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Parley API', version: '0.1.0',
      description: 'Coded political events (PLOVER types, CAMEO roots, intensity) with the evidence sentence and article of every mention.',
    },
    servers: [{ url: '/' }],
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'PARLEY_TOKEN; required for writes when the server is bound beyond loopback' } },
    },
    paths: {
      '/api/health': { get: { summary: 'Liveness and store counts', responses: { '200': ok({ type: 'object' }) } } },
      '/api/events': {
        get: {
          summary: 'Merged events, newest first, each with its first evidence sentence and article',
          parameters: queryParams(eventsQuery),
          responses: { '200': ok({ type: 'object', properties: { total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, events: { type: 'array', items: ref('Event') } } }), ...errors },
        },
      },
      '/api/events/{id}/mentions': {
        get: {
          summary: 'Every mention of one merged event', parameters: [pathParam('id', 'event id')],
          responses: { '200': ok({ type: 'object', properties: { event_id: { type: 'integer' }, mentions: { type: 'array', items: ref('Mention') } } }), ...errors },
        },
      },
      '/api/relations': { get: { summary: 'Relations between two actors by period', parameters: queryParams(relationsQuery), responses: { '200': ok(ref('Relations')), ...errors } } },
      '/api/network': { get: { summary: 'Actor network over a date range', parameters: queryParams(rangeQuery), responses: { '200': ok(ref('Network')), ...errors } } },
      '/api/dyads': {
        get: {
          summary: 'Busiest source→target pairs', parameters: queryParams(rangeQuery),
          responses: { '200': ok({ type: 'object', properties: { dyads: { type: 'array', items: { type: 'object' } } } }), ...errors },
        },
      },
      '/api/actors': { get: { summary: 'Every actor code with event counts', responses: { '200': ok({ type: 'object', properties: { actors: { type: 'array', items: ref('ActorSummary') } } }) } } },
      '/api/actors/{id}': {
        get: { summary: 'One actor: names, partners, types', parameters: [pathParam('id', 'actor code')], responses: { '200': ok(ref('ActorDetail')), '404': ok(ref('Error'), 'unknown actor'), ...errors } },
      },
      '/api/articles/{doc}': {
        get: { summary: 'One article: clean text with actor and event spans', parameters: [pathParam('doc', 'article doc id')], responses: { '200': ok(ref('Article')), '404': ok(ref('Error'), 'unknown article'), ...errors } },
        delete: {
          summary: 'Delete an article; the merged events it reported are recounted (or dropped)',
          security: [{ bearer: [] }, {}], parameters: [pathParam('doc', 'article doc id')],
          responses: {
            '200': ok({ type: 'object', properties: { deleted: { type: 'string' } } }), '401': ok(ref('Error'), 'token missing'),
            '403': ok(ref('Error'), 'wrong token'), '404': ok(ref('Error'), 'unknown article'), ...errors,
          },
        },
      },
      '/api/articles': {
        post: {
          summary: 'Ingest articles: a JSON record, an array, JSONL, or an uploaded file (multipart)',
          security: [{ bearer: [] }, {}],
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { oneOf: [{ type: 'object' }, { type: 'array', items: { type: 'object' } }] } },
              'application/x-ndjson': { schema: { type: 'string' } },
              'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } },
            },
          },
          responses: {
            '200': ok(ref('IngestSummary')), '401': ok(ref('Error'), 'token missing'), '403': ok(ref('Error'), 'wrong token'),
            '413': ok(ref('Error'), 'body larger than the limit'), ...errors,
          },
        },
      },
      '/api/search': {
        get: {
          summary: 'Full-text search over article titles and text', parameters: queryParams(searchQuery),
          responses: { '200': ok({ type: 'object', properties: { total: { type: 'integer' }, hits: { type: 'array', items: { type: 'object' } } } }), ...errors },
        },
      },
      '/api/openapi.json': { get: { summary: 'This document', responses: { '200': ok({ type: 'object' }) } } },
    },
  };
}
