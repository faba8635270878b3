import type { Module } from '../platform/module.js';
import { registerDirectoryRoutes } from './routes.js';

export const directoryModule: Module = {
  name: 'directory',
  routes: registerDirectoryRoutes,
};
