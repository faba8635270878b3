import { ensureServerBuild } from '../../scripts/build-server.mjs';

/**
 * Builds the server bundle when it is older than the sources. Suites that start the server or
 * the command line as an operator does (`node bin/estatedesk.mjs`) then load plain JavaScript,
 * as after `npm run build`, instead of compiling every file through the TypeScript loader.
 */
export default async function setup(): Promise<void> {
  await ensureServerBuild();
}
