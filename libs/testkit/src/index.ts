export { testEnv, testInfra } from './test-env';
export { tokenFor, TEST_JWT_SECRET } from './tokens';
export { waitFor } from './wait-for';
export { freePort } from './free-port';
export { apiClient } from './api-client';
export { startChild, exited } from './child-process';
export { orgSnapshot, resourceSnapshot } from './snapshots';
