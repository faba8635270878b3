import { z } from 'zod';
import { operation } from '../auth/index.js';
import { Id, PageQuery, pageOf } from '../contract/common.js';
import {
  CreateDepartmentBody,
  CreateStaffBody,
  Department,
  HistoryEntry,
  ListHistoryQuery,
  ListStaffQuery,
  Presence,
  PresenceBoardItem,
  ResidentPreferencesBody,
  Staff,
  UpdateDepartmentBody,
  UpdatePresenceBody,
  UpdateStaffBody,
} from '../contract/directory.js';
import { PortalPreferences } from '../contract/portal.js';
import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http/app.js';
import { createDepartment } from './departments/create-department.js';
import { listDepartments } from './departments/list-departments.js';
import { updateDepartment } from './departments/update-department.js';
import { listHistory } from './estates/list-history.js';
import { EstateParams } from './places.routes.js';
import { listPresence } from './presence/list-presence.js';
import { updatePresence } from './presence/update-presence.js';
import { getPortalPreferences, setPortalPreferences } from './residents/portal-preferences.js';
import { createStaff } from './staff/create-staff.js';
import { getStaff } from './staff/get-staff.js';
import { listStaff } from './staff/list-staff.js';
import { updateStaff } from './staff/update-staff.js';

/** Departments, staff, the presence board and the estate's history. */
export function registerPeopleRoutes(api: App, ctx: AppContext): void {
  // ------------------------------------------------------------ departments
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/departments',
    ability: 'department.read',
    operationId: 'listDepartments',
    tags: ['departments'],
    params: EstateParams,
    querystring: PageQuery,
    response: pageOf(Department),
    run: ({ actor, params, query }) => listDepartments(ctx, { actor, estateId: params.estateId, ...query }),
  });
  operation(api, {
    method: 'post',
    url: '/estates/:estateId/departments',
    ability: 'department.write',
    operationId: 'createDepartment',
    tags: ['departments'],
    params: EstateParams,
    body: CreateDepartmentBody,
    response: Department,
    created: true,
    run: ({ actor, params, body }) => createDepartment(ctx, { actor, estateId: params.estateId, body }),
  });
  operation(api, {
    method: 'patch',
    url: '/departments/:departmentId',
    ability: 'department.write',
    operationId: 'updateDepartment',
    tags: ['departments'],
    params: z.strictObject({ departmentId: Id }),
    body: UpdateDepartmentBody,
    response: Department,
    run: ({ actor, params, body }) => updateDepartment(ctx, { actor, departmentId: params.departmentId, body }),
  });

  // ------------------------------------------------------------ staff
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/staff',
    ability: 'staff.read',
    operationId: 'listStaff',
    tags: ['staff'],
    params: EstateParams,
    querystring: ListStaffQuery,
    response: pageOf(Staff),
    run: ({ actor, params, query }) => listStaff(ctx, { actor, estateId: params.estateId, query }),
  });
  operation(api, {
    method: 'post',
    url: '/staff',
    ability: 'staff.write',
    operationId: 'createStaff',
    tags: ['staff'],
    summary: 'Admin or manager: add a staff account',
    body: CreateStaffBody,
    response: Staff,
    created: true,
    run: ({ actor, body }) => createStaff(ctx, { actor, body }),
  });
  operation(api, {
    method: 'get',
    url: '/staff/:staffId',
    ability: 'staff.read',
    operationId: 'getStaff',
    tags: ['staff'],
    params: z.strictObject({ staffId: Id }),
    response: Staff,
    run: ({ actor, params }) => getStaff(ctx, { actor, staffId: params.staffId }),
  });
  operation(api, {
    method: 'patch',
    url: '/staff/:staffId',
    ability: 'staff.write',
    operationId: 'updateStaff',
    tags: ['staff'],
    params: z.strictObject({ staffId: Id }),
    body: UpdateStaffBody,
    response: Staff,
    run: ({ actor, params, body }) => updateStaff(ctx, { actor, staffId: params.staffId, body }),
  });

  // ------------------------------------------------------------ presence (R-WK-5)
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/presence',
    ability: 'presence.read',
    operationId: 'listPresence',
    tags: ['presence'],
    summary: 'The presence board: every staff member of the estate and where they are (R-WK-5)',
    params: EstateParams,
    response: z.object({ items: z.array(PresenceBoardItem) }),
    run: ({ actor, params }) => listPresence(ctx, { actor, estateId: params.estateId }),
  });
  operation(api, {
    method: 'put',
    url: '/staff/:staffId/presence',
    ability: 'presence.write.others',
    operationId: 'updatePresence',
    tags: ['presence'],
    summary: "Set a staff member's presence: your own, or anyone's at the desk (R-WK-5)",
    params: z.strictObject({ staffId: Id }),
    body: UpdatePresenceBody,
    response: Presence,
    run: ({ actor, params, body }) => updatePresence(ctx, { actor, staffId: params.staffId, body }),
  });

  // ------------------------------------------------------------ history (R-RD-1)
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/history',
    ability: 'history.read',
    operationId: 'listHistory',
    tags: ['history'],
    summary: "The estate's append-only change history (R-RD-1), newest first",
    params: EstateParams,
    querystring: ListHistoryQuery,
    response: pageOf(HistoryEntry),
    run: ({ actor, params, query }) => listHistory(ctx, { actor, estateId: params.estateId, ...query }),
  });

  operation(api, {
    method: 'get',
    url: '/estates/:estateId/portal/preferences',
    ability: 'portal.preferences.write',
    operationId: 'getPortalPreferences',
    tags: ['portal'],
    summary: 'How you are told of your cases: language, channel and refused channels (R-CP-5)',
    params: EstateParams,
    response: PortalPreferences,
    run: ({ actor, params }) => getPortalPreferences(ctx, { actor, estateId: params.estateId }),
  });

  operation(api, {
    method: 'put',
    url: '/estates/:estateId/portal/preferences',
    ability: 'portal.preferences.write',
    operationId: 'setPortalPreferences',
    tags: ['portal'],
    summary: 'Choose your language and channel, or refuse a channel, for messages about your cases (R-CP-5)',
    params: EstateParams,
    body: ResidentPreferencesBody,
    response: PortalPreferences,
    run: ({ actor, params, body }) => setPortalPreferences(ctx, { actor, estateId: params.estateId, body }),
  });
}
