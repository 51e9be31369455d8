/** E11000: a unique index refused the write (the idempotency and no-double-booking backstop). */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

/** The per-document failures of a bulk write (`insertMany`, `bulkWrite`; duck-typed: mongoose carries its own driver copy). */
export function writeErrorsOf(error: unknown): { index: number; code?: unknown; errmsg?: unknown }[] {
  const writeErrors = (error as { writeErrors?: unknown } | null)?.writeErrors;
  return writeErrors ? ([writeErrors].flat() as { index: number; code?: unknown; errmsg?: unknown }[]) : [];
}
