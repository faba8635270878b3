/** Bundles the server into dist/server/cli.mjs. */
export function buildServer(): Promise<void>;
/** Builds the bundle unless it is newer than every source file already. */
export function ensureServerBuild(): Promise<void>;
