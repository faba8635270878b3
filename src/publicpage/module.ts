import { subscribe } from '../platform/events.js';
import type { Module } from '../platform/module.js';
import { recordPolicyVersion } from './draft/record-policy-version.js';
import { registerPublicPages } from './pages.js';
import { registerPublicPageRoutes } from './routes.js';

export const publicPageModule: Module = {
  name: 'publicpage',
  wire: () => {
    // R-PB-1: the times the live page states changed, so its history records a new version.
    subscribe('estatePolicyChanged', (trx, event) => recordPolicyVersion(trx, event));
  },
  routes: registerPublicPageRoutes,
  pages: registerPublicPages,
};
