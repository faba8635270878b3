import { z } from 'zod';
import { actorOf } from '../auth/index.js';
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
  Staff,
  UpdateDepartmentBody,
  UpdatePresenceBody,
  UpdateStaffBody,
} from '../contract/directory.js';
import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http/app.js';
import { createdResponses, okResponses } from '../platform/http/errors.js';
import { createDepartment } from './departments/create-department.js';
import { listDepartments } from './departments/list-departments.js';
import { updateDepartment } from './departments/update-department.js';
import { listHistory } from './estates/list-history.js';
import { EstateParams } from './places.routes.js';
import { listPresence } from './presence/list-presence.js';
import { updatePresence } from './presence/update-presence.js';
import { createStaff } from './staff/create-staff.js';
import { getStaff } from './staff/get-staff.js';
import { listStaff } from './staff/list-staff.js';
import { updateStaff } from './staff/update-staff.js';

/** Departments, staff, the presence board and the estate's history. */
export function registerPeopleRoutes(api: App, ctx: AppContext): void {
  // ------------------------------------------------------------ departments
  api.get(
    '/estates/:estateId/departments',
    {
      config: { ability: 'department.read' },
      schema: {
        operationId: 'listDepartments',
        tags: ['departments'],
        params: EstateParams,
        querystring: PageQuery,
        response: okResponses(pageOf(Department)),
      },
    },
    async (req) => listDepartments(ctx, { actor: actorOf(req), estateId: req.params.estateId, ...req.query }),
  );
  api.post(
    '/estates/:estateId/departments',
    {
      config: { ability: 'department.write' },
      schema: {
        operationId: 'createDepartment',
        tags: ['departments'],
        params: EstateParams,
        body: CreateDepartmentBody,
        response: createdResponses(Department),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createDepartment(ctx, { actor: actorOf(req), estateId: req.params.estateId, body: req.body })),
  );
  api.patch(
    '/departments/:departmentId',
    {
      config: { ability: 'department.write' },
      schema: {
        operationId: 'updateDepartment',
        tags: ['departments'],
        params: z.strictObject({ departmentId: Id }),
        body: UpdateDepartmentBody,
        response: okResponses(Department),
      },
    },
    async (req) => updateDepartment(ctx, { actor: actorOf(req), departmentId: req.params.departmentId, body: req.body }),
  );

  // ------------------------------------------------------------ staff
  api.get(
    '/estates/:estateId/staff',
    {
      config: { ability: 'staff.read' },
      schema: {
        operationId: 'listStaff',
        tags: ['staff'],
        params: EstateParams,
        querystring: ListStaffQuery,
        response: okResponses(pageOf(Staff)),
      },
    },
    async (req) => listStaff(ctx, { actor: actorOf(req), estateId: req.params.estateId, query: req.query }),
  );
  api.post(
    '/staff',
    {
      config: { ability: 'staff.write' },
      schema: {
        operationId: 'createStaff',
        tags: ['staff'],
        summary: 'Admin or manager: add a staff account',
        body: CreateStaffBody,
        response: createdResponses(Staff),
      },
    },
    async (req, reply) => reply.status(201).send(await createStaff(ctx, { actor: actorOf(req), body: req.body })),
  );
  api.get(
    '/staff/:staffId',
    {
      config: { ability: 'staff.read' },
      schema: { operationId: 'getStaff', tags: ['staff'], params: z.strictObject({ staffId: Id }), response: okResponses(Staff) },
    },
    async (req) => getStaff(ctx, { actor: actorOf(req), staffId: req.params.staffId }),
  );
  api.patch(
    '/staff/:staffId',
    {
      config: { ability: 'staff.write' },
      schema: {
        operationId: 'updateStaff',
        tags: ['staff'],
        params: z.strictObject({ staffId: Id }),
        body: UpdateStaffBody,
        response: okResponses(Staff),
      },
    },
    async (req) => updateStaff(ctx, { actor: actorOf(req), staffId: req.params.staffId, body: req.body }),
  );

  // ------------------------------------------------------------ presence (R-WK-5)
  api.get(
    '/estates/:estateId/presence',
    {
      config: { ability: 'presence.read' },
      schema: {
        operationId: 'listPresence',
        tags: ['presence'],
        summary: 'The presence board: every staff member of the estate and where they are (R-WK-5)',
        params: EstateParams,
        response: okResponses(z.object({ items: z.array(PresenceBoardItem) })),
      },
    },
    async (req) => listPresence(ctx, { actor: actorOf(req), estateId: req.params.estateId }),
  );
  api.put(
    '/staff/:staffId/presence',
    {
      config: { ability: 'presence.write.others' },
      schema: {
        operationId: 'updatePresence',
        tags: ['presence'],
        summary: "Set a staff member's presence: your own, or anyone's at the desk (R-WK-5)",
        params: z.strictObject({ staffId: Id }),
        body: UpdatePresenceBody,
        response: okResponses(Presence),
      },
    },
    async (req) => updatePresence(ctx, { actor: actorOf(req), staffId: req.params.staffId, body: req.body }),
  );

  // ------------------------------------------------------------ history (R-RD-1)
  api.get(
    '/estates/:estateId/history',
    {
      config: { ability: 'history.read' },
      schema: {
        operationId: 'listHistory',
        tags: ['history'],
        summary: "The estate's append-only change history (R-RD-1), newest first",
        params: EstateParams,
        querystring: ListHistoryQuery,
        response: okResponses(pageOf(HistoryEntry)),
      },
    },
    async (req) => listHistory(ctx, { actor: actorOf(req), estateId: req.params.estateId, ...req.query }),
  );
}
