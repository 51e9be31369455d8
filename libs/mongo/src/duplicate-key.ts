/** E11000: a unique index refused the write (the idempotency and no-double-booking backstop). */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}
