import { z } from 'zod';
import { actorOf } from '../auth/routes.js';
import { Id, ImportBody, ImportResult, PageQuery, pageOf } from '../contract/common.js';
import {
  Building,
  CreateBuildingBody,
  CreateDepartmentBody,
  CreateEstateBody,
  CreateResidentBody,
  CreateStaffBody,
  CreateUnitBody,
  Department,
  Estate,
  ExportQuery,
  HistoryEntry,
  ListHistoryQuery,
  ListResidentsQuery,
  ListStaffQuery,
  ListUnitsQuery,
  Presence,
  PresenceBoardItem,
  Resident,
  Staff,
  Unit,
  UnitDetail,
  UpdateBuildingBody,
  UpdateDepartmentBody,
  UpdateEstateBody,
  UpdatePresenceBody,
  UpdateResidentBody,
  UpdateStaffBody,
  UpdateUnitBody,
} from '../contract/directory.js';
import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http/app.js';
import { createdResponses, errorResponses, okResponses } from '../platform/http/errors.js';
import * as service from './service.js';
import * as transfer from './transfer.js';

const EstateParams = z.strictObject({ estateId: Id });

export function registerDirectoryRoutes(api: App, ctx: AppContext): void {
  // ------------------------------------------------------------ estates
  api.get(
    '/estates',
    {
      config: { ability: 'self' },
      schema: {
        operationId: 'listEstates',
        tags: ['estates'],
        summary: 'Estates you work for',
        querystring: PageQuery,
        response: okResponses(pageOf(Estate)),
      },
    },
    async (req) => service.listEstates(ctx, { actor: actorOf(req), ...req.query }),
  );
  api.post(
    '/estates',
    {
      config: { ability: 'estate.create' },
      schema: {
        operationId: 'createEstate',
        tags: ['estates'],
        summary: 'Admin: add an estate with its five standard departments',
        body: CreateEstateBody,
        response: createdResponses(Estate),
      },
    },
    async (req, reply) => reply.status(201).send(await service.createEstate(ctx, { actor: actorOf(req), body: req.body })),
  );
  api.get(
    '/estates/:estateId',
    {
      config: { ability: 'estate.read' },
      schema: { operationId: 'getEstate', tags: ['estates'], params: EstateParams, response: okResponses(Estate) },
    },
    async (req) => service.getEstate(ctx, { actor: actorOf(req), estateId: req.params.estateId }),
  );
  api.patch(
    '/estates/:estateId',
    {
      config: { ability: 'estate.configure' },
      schema: {
        operationId: 'updateEstate',
        tags: ['estates'],
        summary: 'Change an estate and its policy settings',
        params: EstateParams,
        body: UpdateEstateBody,
        response: okResponses(Estate),
      },
    },
    async (req) => service.updateEstate(ctx, { actor: actorOf(req), estateId: req.params.estateId, body: req.body }),
  );

  // ------------------------------------------------------------ buildings
  api.get(
    '/estates/:estateId/buildings',
    {
      config: { ability: 'unit.read' },
      schema: {
        operationId: 'listBuildings',
        tags: ['buildings'],
        params: EstateParams,
        querystring: PageQuery,
        response: okResponses(pageOf(Building)),
      },
    },
    async (req) => service.listBuildings(ctx, { actor: actorOf(req), estateId: req.params.estateId, ...req.query }),
  );
  api.post(
    '/estates/:estateId/buildings',
    {
      config: { ability: 'unit.write' },
      schema: {
        operationId: 'createBuilding',
        tags: ['buildings'],
        params: EstateParams,
        body: CreateBuildingBody,
        response: createdResponses(Building),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.createBuilding(ctx, { actor: actorOf(req), estateId: req.params.estateId, body: req.body })),
  );
  api.patch(
    '/buildings/:buildingId',
    {
      config: { ability: 'unit.write' },
      schema: {
        operationId: 'updateBuilding',
        tags: ['buildings'],
        params: z.strictObject({ buildingId: Id }),
        body: UpdateBuildingBody,
        response: okResponses(Building),
      },
    },
    async (req) => service.updateBuilding(ctx, { actor: actorOf(req), buildingId: req.params.buildingId, body: req.body }),
  );

  // ------------------------------------------------------------ units
  api.get(
    '/estates/:estateId/units',
    {
      config: { ability: 'unit.read' },
      schema: {
        operationId: 'listUnits',
        tags: ['units'],
        params: EstateParams,
        querystring: ListUnitsQuery,
        response: okResponses(pageOf(Unit)),
      },
    },
    async (req) => service.listUnits(ctx, { actor: actorOf(req), estateId: req.params.estateId, query: req.query }),
  );
  api.post(
    '/estates/:estateId/units',
    {
      config: { ability: 'unit.write' },
      schema: { operationId: 'createUnit', tags: ['units'], params: EstateParams, body: CreateUnitBody, response: createdResponses(Unit) },
    },
    async (req, reply) =>
      reply.status(201).send(await service.createUnit(ctx, { actor: actorOf(req), estateId: req.params.estateId, body: req.body })),
  );
  api.get(
    '/units/:unitId',
    {
      config: { ability: 'unit.read' },
      schema: { operationId: 'getUnit', tags: ['units'], params: z.strictObject({ unitId: Id }), response: okResponses(UnitDetail) },
    },
    async (req) => service.getUnit(ctx, { actor: actorOf(req), unitId: req.params.unitId }),
  );
  api.patch(
    '/units/:unitId',
    {
      config: { ability: 'unit.write' },
      schema: {
        operationId: 'updateUnit',
        tags: ['units'],
        params: z.strictObject({ unitId: Id }),
        body: UpdateUnitBody,
        response: okResponses(Unit),
      },
    },
    async (req) => service.updateUnit(ctx, { actor: actorOf(req), unitId: req.params.unitId, body: req.body }),
  );

  // ------------------------------------------------------------ residents
  api.get(
    '/estates/:estateId/residents',
    {
      config: { ability: 'resident.read' },
      schema: {
        operationId: 'listResidents',
        tags: ['residents'],
        params: EstateParams,
        querystring: ListResidentsQuery,
        response: okResponses(pageOf(Resident)),
      },
    },
    async (req) => service.listResidents(ctx, { actor: actorOf(req), estateId: req.params.estateId, query: req.query }),
  );
  api.post(
    '/estates/:estateId/residents',
    {
      config: { ability: 'resident.write' },
      schema: {
        operationId: 'createResident',
        tags: ['residents'],
        params: EstateParams,
        body: CreateResidentBody,
        response: createdResponses(Resident),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.createResident(ctx, { actor: actorOf(req), estateId: req.params.estateId, body: req.body })),
  );
  api.get(
    '/residents/:residentId',
    {
      config: { ability: 'resident.read' },
      schema: {
        operationId: 'getResident',
        tags: ['residents'],
        params: z.strictObject({ residentId: Id }),
        response: okResponses(Resident),
      },
    },
    async (req) => service.getResident(ctx, { actor: actorOf(req), residentId: req.params.residentId }),
  );
  api.patch(
    '/residents/:residentId',
    {
      config: { ability: 'resident.write' },
      schema: {
        operationId: 'updateResident',
        tags: ['residents'],
        params: z.strictObject({ residentId: Id }),
        body: UpdateResidentBody,
        response: okResponses(Resident),
      },
    },
    async (req) => service.updateResident(ctx, { actor: actorOf(req), residentId: req.params.residentId, body: req.body }),
  );

  // ------------------------------------------------------------ import / export
  const transfers = [
    {
      path: 'units',
      entity: 'Units',
      run: transfer.importUnits,
      dump: transfer.exportUnits,
      importAbility: 'unit.import',
      exportAbility: 'unit.export',
    },
    {
      path: 'residents',
      entity: 'Residents',
      run: transfer.importResidents,
      dump: transfer.exportResidents,
      importAbility: 'resident.import',
      exportAbility: 'resident.export',
    },
  ] as const;
  for (const t of transfers) {
    api.post(
      `/estates/:estateId/${t.path}/import`,
      {
        config: { ability: t.importAbility },
        bodyLimit: 20 * 1024 * 1024,
        schema: {
          operationId: `import${t.entity}`,
          tags: [t.path],
          summary: `Import ${t.path} from CSV or XLSX: all rows or none, with a row-by-row report of what is wrong`,
          params: EstateParams,
          body: ImportBody,
          response: okResponses(ImportResult),
        },
      },
      async (req) =>
        t.run(ctx, {
          actor: actorOf(req),
          estateId: req.params.estateId,
          format: req.body.format,
          content: Buffer.from(req.body.contentBase64, 'base64'),
          dryRun: req.body.dryRun,
        }),
    );
    api.get(
      `/estates/:estateId/${t.path}/export`,
      {
        config: { ability: t.exportAbility },
        schema: {
          operationId: `export${t.entity}`,
          tags: [t.path],
          summary: `Export ${t.path} as CSV or XLSX, in the columns the import reads`,
          params: EstateParams,
          querystring: ExportQuery,
          response: {
            200: {
              description: 'The file, with the columns the import reads',
              content: {
                'text/csv': { schema: z.string() },
                'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() },
              },
            },
            ...errorResponses,
          },
        },
      },
      async (req, reply) => {
        const format = req.query.format;
        const file = await t.dump(ctx, { actor: actorOf(req), estateId: req.params.estateId, format });
        const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
        return reply
          .header('content-type', type)
          .header('content-disposition', `attachment; filename="${t.path}.${format}"`)
          .send(file as unknown as string);
      },
    );
  }

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
    async (req) => service.listDepartments(ctx, { actor: actorOf(req), estateId: req.params.estateId, ...req.query }),
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
      reply.status(201).send(await service.createDepartment(ctx, { actor: actorOf(req), estateId: req.params.estateId, body: req.body })),
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
    async (req) => service.updateDepartment(ctx, { actor: actorOf(req), departmentId: req.params.departmentId, body: req.body }),
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
    async (req) => service.listStaff(ctx, { actor: actorOf(req), estateId: req.params.estateId, query: req.query }),
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
    async (req, reply) => reply.status(201).send(await service.createStaff(ctx, { actor: actorOf(req), body: req.body })),
  );
  api.get(
    '/staff/:staffId',
    {
      config: { ability: 'staff.read' },
      schema: { operationId: 'getStaff', tags: ['staff'], params: z.strictObject({ staffId: Id }), response: okResponses(Staff) },
    },
    async (req) => service.getStaff(ctx, { actor: actorOf(req), staffId: req.params.staffId }),
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
    async (req) => service.updateStaff(ctx, { actor: actorOf(req), staffId: req.params.staffId, body: req.body }),
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
    async (req) => service.listPresence(ctx, { actor: actorOf(req), estateId: req.params.estateId }),
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
    async (req) => {
      const presence = await service.updatePresence(ctx, { actor: actorOf(req), staffId: req.params.staffId, body: req.body });
      // R-WK-5: every screen of the person's estates shows it at once.
      const estates = await ctx.db.selectFrom('staff_estates').select('estate_id').where('staff_id', '=', req.params.staffId).execute();
      for (const { estate_id } of estates)
        await ctx.live.publish({ estateId: estate_id, type: 'presence.updated', subjectId: req.params.staffId });
      return presence;
    },
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
    async (req) => service.listHistory(ctx, { actor: actorOf(req), estateId: req.params.estateId, ...req.query }),
  );
}
