import { AsyncLocalStorage } from 'node:async_hooks';

interface Scope {
  /** The caller's `Authorization` header, forwarded when this request must ask another service. */
  authorization?: string;
}

const storage = new AsyncLocalStorage<Scope>();

/**
 * What the edge knows of the request being served that infrastructure further in may need, like the
 * caller's credentials for a call to another service on the caller's behalf. Domain code never sees
 * it: it gets a `Principal`, and service clients read the credentials here.
 */
export const requestScope = {
  run<T>(scope: Scope, work: () => T): T {
    return storage.run(scope, work);
  },
  authorization(): string | undefined {
    return storage.getStore()?.authorization;
  },
};
