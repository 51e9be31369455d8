// Types for targets.mjs (plain JavaScript so that node and the Stryker config load it directly).
export declare const targets: Record<string, string>;
export declare function currentTarget(env: NodeJS.ProcessEnv): { name: string; dir: string };
