import { useSyncExternalStore } from 'react';
// The module itself, not the package index: that would bundle every Zod schema for one function.
import { hasRole } from '@labshare/contracts/src/principal';
import type { Role } from './api-types';

export interface Session {
  token: string;
  sub: string;
  org: string;
  roles: Role[];
}

const KEY = 'labshare.session';
const listeners = new Set<() => void>();
let current = read();

function read(): Session | undefined {
  const token = localStorage.getItem(KEY);
  return token ? sessionOf(token) : undefined;
}

/** The bearer token's claims (`sub`, `org`, `roles`); the services verify it, the console only reads it. */
export function sessionOf(token: string): Session | undefined {
  try {
    const payload = token.split('.')[1] ?? '';
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Partial<Session> & {
      exp?: number;
    };
    if (!claims.sub || !claims.org || !Array.isArray(claims.roles)) return undefined;
    if (claims.exp && claims.exp * 1000 < Date.now()) return undefined;
    return { token, sub: claims.sub, org: claims.org, roles: claims.roles };
  } catch {
    return undefined;
  }
}

export function signIn(token: string): Session | undefined {
  const session = sessionOf(token);
  if (session) localStorage.setItem(KEY, token);
  current = session;
  listeners.forEach((notify) => notify());
  return session;
}

export function signOut(): void {
  localStorage.removeItem(KEY);
  current = undefined;
  listeners.forEach((notify) => notify());
}

export function currentSession(): Session | undefined {
  return current;
}

export function useSession(): Session | undefined {
  return useSyncExternalStore(
    (notify) => {
      listeners.add(notify);
      return () => listeners.delete(notify);
    },
    () => current,
  );
}

/** The server's own role check (`admin` passes every one), for what the console offers. */
export function can(session: Session | undefined, ...wanted: Role[]): boolean {
  return !!session && hasRole(session, ...wanted);
}
