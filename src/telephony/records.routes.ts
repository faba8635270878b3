import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http/app.js';

/** The PBX's call-detail records imported from a file, and the answer times (R-PH-5). */
export function registerPbxRecordRoutes(_api: App, _ctx: AppContext): void {}
