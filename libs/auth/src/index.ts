export { Authenticator, type AuthOptions } from './authenticator';
