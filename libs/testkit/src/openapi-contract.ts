import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats =
  (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
}
interface Operation {
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, unknown> }>;
}

export interface Exchange {
  method: string;
  /** The request path, query string included. */
  path: string;
  requestBody?: unknown;
  requestContentType?: string;
  status: number;
  contentType: string;
  responseBody: unknown;
}

const DOC_ID = 'openapi.json';

/**
 * Checks real exchanges against a service's served OpenAPI document, as a client generator would
 * read it: every answer must be documented for its status and match its schema, and a request the
 * server accepted (2xx) must be valid by the document too. Component tests run every call through
 * it (see `apiClient`), so the documents cannot drift from what the server does.
 */
export class OpenApiContract {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly routes: { method: string; pattern: RegExp; template: string }[];

  constructor(private readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addSchema(document as object, DOC_ID);
    this.routes = Object.entries(document.paths).flatMap(([template, methods]) =>
      Object.keys(methods).map((method) => ({
        method,
        template,
        pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.')}$`),
      })),
    );
  }

  /** Problems with one exchange; empty when it keeps the contract (or is not an API route). */
  check(exchange: Exchange): string[] {
    const pathname = exchange.path.split('?')[0] ?? '';
    const method = exchange.method.toLowerCase();
    const route = this.routes.find((r) => r.method === method && r.pattern.test(pathname));
    if (!route) return [];
    const where = `${exchange.method} ${route.template} → ${exchange.status}`;
    const base = `#/paths/${pointer(route.template)}/${method}`;
    const operation = this.document.paths[route.template]![method]!;
    const problems: string[] = [];
    const response = operation.responses[String(exchange.status)] ? String(exchange.status) : undefined;
    if (!response) return [`${where}: status not documented`];
    const mediaType = exchange.contentType.split(';')[0]!.trim();
    const documented = operation.responses[response]!.content ?? {};
    if (Object.keys(documented).length > 0) {
      if (!(mediaType in documented)) problems.push(`${where}: content type ${mediaType} not documented`);
      else if (mediaType.endsWith('json')) {
        const at = `${base}/responses/${response}/content/${pointer(mediaType)}/schema`;
        problems.push(...this.validate(at, exchange.responseBody).map((p) => `${where}: response ${p}`));
      }
    }
    if (exchange.status < 300 && exchange.requestBody !== undefined && operation.requestBody) {
      const type = (exchange.requestContentType ?? 'application/json').split(';')[0]!.trim();
      if (type.endsWith('json') && type in operation.requestBody.content) {
        const at = `${base}/requestBody/content/${pointer(type)}/schema`;
        problems.push(
          ...this.validate(at, exchange.requestBody).map((p) => `${where}: accepted request ${p}`),
        );
      }
    }
    return problems;
  }

  private validate(at: string, value: unknown): string[] {
    let validate = this.compiled.get(at);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${DOC_ID}${at}` });
      this.compiled.set(at, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map(
      (e) => `${e.instancePath || '(root)'} ${e.message} ${JSON.stringify(e.params)}`,
    );
  }
}

/** A JSON pointer segment for a path or media type (`/` → `~1`). */
function pointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
