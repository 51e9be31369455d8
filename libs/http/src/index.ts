export { createHttpApp, type HttpAppOptions, type ReadinessCheck } from './create-app';
export { startHttpServer, type RunningHttpServer } from './http-server';
export { RouteTable, type RouteDefinition, type RouteContext } from './route-table';
export { parseInput } from './parse-input';
export { encodeCursor, decodeCursor } from './cursor';
export { IdempotencyGuard, type IdempotencyStore, type StoredResponse } from './idempotency';
