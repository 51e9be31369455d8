import { describe, expect, it } from 'vitest';
import { OpenApiContract } from './openapi-contract';

const contract = new OpenApiContract({
  paths: {
    '/v1/things/{id}': {
      post: {
        requestBody: {
          content: {
            'application/json': {
              schema: { type: 'object', properties: { n: { type: 'integer' } }, additionalProperties: false },
            },
          },
        },
        responses: {
          '200': {
            content: {
              'application/json': {
                schema: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
              },
            },
          },
          '400': { content: { 'application/problem+json': { schema: { type: 'object' } } } },
        },
      },
    },
  },
});
const exchange = {
  method: 'POST',
  path: '/v1/things/7?x=1',
  requestBody: { n: 1 },
  status: 200,
  contentType: 'application/json; charset=utf-8',
  responseBody: { id: '7' },
};

describe('OpenApiContract', () => {
  it('when an exchange keeps the document, then there is no problem', () => {
    expect(contract.check(exchange)).toEqual([]);
  });

  it.each([
    ['an undocumented status', { status: 500 }, 'status not documented'],
    ['an undocumented content type', { contentType: 'text/plain' }, 'content type text/plain not documented'],
    [
      'an answer off its schema',
      { responseBody: { name: 'x' } },
      "response (root) must have required property 'id'",
    ],
    ['an accepted request the document refuses', { requestBody: { n: 1, extra: true } }, 'accepted request'],
  ])('when the exchange has %s, then it is named', (_name, change, problem) => {
    expect(contract.check({ ...exchange, ...change }).join('\n')).toContain(problem);
  });

  it('when the server refused the request, then its body is not held against the document', () => {
    expect(
      contract.check({
        ...exchange,
        requestBody: 'oops',
        status: 400,
        contentType: 'application/problem+json',
        responseBody: {},
      }),
    ).toEqual([]);
  });

  it('when the path is not an API route of the document, then nothing is checked', () => {
    expect(contract.check({ ...exchange, path: '/healthz', status: 200 })).toEqual([]);
  });
});
