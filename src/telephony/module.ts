import { subscribe } from '../platform/events.js';
import type { Module } from '../platform/module.js';
import { registerPbxEventRoutes } from './events.routes.js';
import { matchCallLog } from './matching.js';
import { registerPbxRecordRoutes } from './records.routes.js';

/** The phone system (R-PH-5): the PBX's call events and call records, and how fast calls are answered. */
export const telephonyModule: Module = {
  name: 'telephony',
  wire: () => {
    // A call the desk logs is matched to the PBX's record of it (R-PH-4), in the same transaction.
    subscribe('callLogged', async (trx, e, ctx) => {
      await matchCallLog(trx, e, ctx.clock.now().toISOString());
    });
  },
  routes: (api, ctx) => {
    registerPbxEventRoutes(api, ctx);
    registerPbxRecordRoutes(api, ctx);
  },
};
