import type { Module } from '../platform/module.js';
import { onBreach } from '../platform/obligations/index.js';
import { onFrontDeskBreach } from './breaches.js';
import { registerFrontDeskRoutes } from './routes.js';
import { CALLBACK_RULE, WAIT_RULE } from './rules.js';

export const frontDeskModule: Module = {
  name: 'frontdesk',
  wire() {
    // R-PH-3: an overdue call-back is told to its recipient and the desk; R-WK-4: the desk apologises.
    onBreach(CALLBACK_RULE, (trx, obligation, at, ctx) => onFrontDeskBreach(trx, ctx, obligation, at));
    onBreach(WAIT_RULE, (trx, obligation, at, ctx) => onFrontDeskBreach(trx, ctx, obligation, at));
  },
  routes: registerFrontDeskRoutes,
};
