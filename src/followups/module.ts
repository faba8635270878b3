import type { Module } from '../platform/module.js';
import { registerFollowUpRoutes } from './routes.js';

export const followUpsModule: Module = {
  name: 'followups',
  routes: registerFollowUpRoutes,
};
