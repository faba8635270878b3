import type { Module } from '../platform/module.js';
import { registerFrontDeskRoutes } from './routes.js';

export const frontDeskModule: Module = {
  name: 'frontdesk',
  routes: registerFrontDeskRoutes,
};
