import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http/app.js';

/** The PBX's signed call events, the settings (secret, extensions) and the calls as the PBX reports them. */
export function registerPbxEventRoutes(_api: App, _ctx: AppContext): void {}
