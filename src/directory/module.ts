import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http/app.js';
import type { Module } from '../platform/module.js';
import { registerPeopleRoutes } from './people.routes.js';
import { registerPlacesRoutes } from './places.routes.js';
import { registerTransferRoutes } from './transfer.routes.js';

export const directoryModule: Module = {
  name: 'directory',
  routes(api: App, ctx: AppContext) {
    registerPlacesRoutes(api, ctx);
    registerTransferRoutes(api, ctx);
    registerPeopleRoutes(api, ctx);
  },
};
