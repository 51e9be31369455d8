/** Where the local infrastructure reports progress (jar fetching, servers ready or gone). */
export type Log = (msg: string) => void;

export const defaultLog: Log = (msg) => process.stderr.write(`[local-infra] ${msg}\n`);
