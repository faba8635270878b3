import type { Module } from '../platform/module.js';
import { registerCaseRoutes } from './routes.js';

export const casesModule: Module = {
  name: 'cases',
  routes: registerCaseRoutes,
};
