export { Authenticator, type AuthOptions } from './authenticator';
export { type Principal, type Role, roles, hasRole, isAdmin } from './principal';
