export { createHttpApp, type HttpAppOptions, type ReadinessCheck } from './create-app';
export { startHttpServer, type RunningHttpServer } from './http-server';
export { RouteTable, type RouteDefinition, type RouteContext } from './route-table';
export { parseInput } from './parse-input';
export { cursorCodec, type CursorCodec } from './cursor';
export { requestScope } from './request-scope';
export { ServiceClient, type ServiceClientOptions } from './service-client';
export { ownJson, type OwnJson, type EntityTagOf } from './send-json';
export { IdempotencyGuard, type IdempotencyStore, type StoredResponse } from './idempotency';
