import { keysFromJwks, verifyPass } from '@labshare/auth';
import type {
  CheckInAnswer,
  CheckOutAnswer,
  PassClaims,
  PassRefusal,
  PublicJwk,
  RevocationList,
} from '@labshare/contracts';
import { passRefusal } from '../../domain/rules/pass-window';

/** What a device keeps between syncs: the keys and the revoked passes it last fetched. */
export interface DeviceState {
  resourceId: string;
  issuer: string;
  jwks: { keys: PublicJwk[] };
  /** Revoked jtis with the end of their pass (after it, the entry can go). */
  revoked: Record<string, string>;
  /** `since` for the next incremental sync. */
  syncedTo: string | null;
  lastSync: string | null;
}

export type OfflineDecision =
  { allowed: true; claims: PassClaims } | { allowed: false; code: Exclude<PassRefusal, 'unqualified'> };

export function emptyState(resourceId: string, issuer: string): DeviceState {
  return { resourceId, issuer, jwks: { keys: [] }, revoked: {}, syncedTo: null, lastSync: null };
}

/**
 * The offline decision, with nothing but the state: the signature against the JWKS (the key the kid
 * names, its own algorithm), then the same rule the service applies first (resource, revocation,
 * window). Qualifications are the service's to check at the online check-in.
 */
export function decideOffline(state: DeviceState, token: string, now: Date): OfflineDecision {
  const keys = keysFromJwks(state.jwks);
  const verified = verifyPass(token, (kid) => keys.get(kid), state.issuer);
  const code = passRefusal(verified, {
    resourceId: state.resourceId,
    now: now.getTime(),
    revoked: verified.ok && verified.claims.jti in state.revoked,
  });
  return code || !verified.ok
    ? { allowed: false, code: code ?? 'pass_invalid' }
    : { allowed: true, claims: verified.claims };
}

/** The online half of the device protocol: sync, check-in, check-out, with the device's bearer token. */
export function deviceClient(options: { baseUrl: string; token: string }) {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(new URL(path, options.baseUrl), {
      method,
      headers: {
        authorization: `Bearer ${options.token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const answer = (await response.json().catch(() => ({}))) as T & { code?: string; detail?: string };
    if (!response.ok) throw new DeviceRefusal(response.status, answer.code ?? 'error', answer.detail ?? '');
    return answer;
  }
  return {
    /** Fetches the JWKS (replacing the keys) and the revocations since the last sync (merged), forgetting expired ones. */
    async sync(state: DeviceState, now: Date): Promise<DeviceState> {
      const jwks = await call<{ keys: PublicJwk[] }>('GET', '/.well-known/jwks.json');
      const revoked = { ...state.revoked };
      let syncedTo: string | undefined;
      for (let cursor: string | null = null, first = true; first || cursor; first = false) {
        const query = new URLSearchParams({ resourceId: state.resourceId });
        if (state.syncedTo) query.set('since', state.syncedTo);
        if (cursor) query.set('cursor', cursor);
        const page: RevocationList = await call<RevocationList>('GET', `/v1/access/revocations?${query}`);
        syncedTo ??= page.syncedTo;
        for (const item of page.items) revoked[item.jti] = item.validUntil;
        cursor = page.nextCursor;
      }
      for (const [jti, until] of Object.entries(revoked))
        if (Date.parse(until) <= now.getTime()) delete revoked[jti];
      return { ...state, jwks, revoked, syncedTo: syncedTo ?? state.syncedTo, lastSync: now.toISOString() };
    },
    checkIn: (token: string, resourceId: string) =>
      call<CheckInAnswer>('POST', '/v1/access/check-in', { token, resourceId }),
    checkOut: (sessionId: string) => call<CheckOutAnswer>('POST', '/v1/access/check-out', { sessionId }),
  };
}

export class DeviceRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
  ) {
    super(`${status} ${code}${detail ? `: ${detail}` : ''}`);
  }
}
