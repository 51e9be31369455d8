export { testEnv, testInfra } from './test-env';
export { tokenFor, TEST_JWT_SECRET } from './tokens';
export { waitFor } from './wait-for';
