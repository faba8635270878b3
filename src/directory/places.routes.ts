import { z } from 'zod';
import { actorOf } from '../auth/index.js';
import { Id, PageQuery, pageOf } from '../contract/common.js';
import {
  Building,
  CreateBuildingBody,
  CreateEstateBody,
  CreateResidentBody,
  CreateUnitBody,
  Estate,
  ListResidentsQuery,
  ListUnitsQuery,
  Resident,
  Unit,
  UnitDetail,
  UpdateBuildingBody,
  UpdateEstateBody,
  UpdateResidentBody,
  UpdateUnitBody,
} from '../contract/directory.js';
import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http/app.js';
import { createdResponses, okResponses } from '../platform/http/errors.js';
import { createEstate } from './estates/create-estate.js';
import { getEstate } from './estates/get-estate.js';
import { listEstates } from './estates/list-estates.js';
import { updateEstate } from './estates/update-estate.js';
import { createResident } from './residents/create-resident.js';
import { getResident } from './residents/get-resident.js';
import { listResidents } from './residents/list-residents.js';
import { updateResident } from './residents/update-resident.js';
import { createBuilding } from './units/create-building.js';
import { createUnit } from './units/create-unit.js';
import { getUnit } from './units/get-unit.js';
import { listBuildings } from './units/list-buildings.js';
import { listUnits } from './units/list-units.js';
import { updateBuilding } from './units/update-building.js';
import { updateUnit } from './units/update-unit.js';

export const EstateParams = z.strictObject({ estateId: Id });

/** Estates, buildings, units and residents. */
export function registerPlacesRoutes(api: App, ctx: AppContext): void {
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
    async (req) => listEstates(ctx, { actor: actorOf(req), ...req.query }),
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
    async (req, reply) => reply.status(201).send(await createEstate(ctx, { actor: actorOf(req), body: req.body })),
  );
  api.get(
    '/estates/:estateId',
    {
      config: { ability: 'estate.read' },
      schema: { operationId: 'getEstate', tags: ['estates'], params: EstateParams, response: okResponses(Estate) },
    },
    async (req) => getEstate(ctx, { actor: actorOf(req), estateId: req.params.estateId }),
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
    async (req) => updateEstate(ctx, { actor: actorOf(req), estateId: req.params.estateId, body: req.body }),
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
    async (req) => listBuildings(ctx, { actor: actorOf(req), estateId: req.params.estateId, ...req.query }),
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
      reply.status(201).send(await createBuilding(ctx, { actor: actorOf(req), estateId: req.params.estateId, body: req.body })),
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
    async (req) => updateBuilding(ctx, { actor: actorOf(req), buildingId: req.params.buildingId, body: req.body }),
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
    async (req) => listUnits(ctx, { actor: actorOf(req), estateId: req.params.estateId, query: req.query }),
  );
  api.post(
    '/estates/:estateId/units',
    {
      config: { ability: 'unit.write' },
      schema: { operationId: 'createUnit', tags: ['units'], params: EstateParams, body: CreateUnitBody, response: createdResponses(Unit) },
    },
    async (req, reply) =>
      reply.status(201).send(await createUnit(ctx, { actor: actorOf(req), estateId: req.params.estateId, body: req.body })),
  );
  api.get(
    '/units/:unitId',
    {
      config: { ability: 'unit.read' },
      schema: { operationId: 'getUnit', tags: ['units'], params: z.strictObject({ unitId: Id }), response: okResponses(UnitDetail) },
    },
    async (req) => getUnit(ctx, { actor: actorOf(req), unitId: req.params.unitId }),
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
    async (req) => updateUnit(ctx, { actor: actorOf(req), unitId: req.params.unitId, body: req.body }),
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
    async (req) => listResidents(ctx, { actor: actorOf(req), estateId: req.params.estateId, query: req.query }),
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
      reply.status(201).send(await createResident(ctx, { actor: actorOf(req), estateId: req.params.estateId, body: req.body })),
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
    async (req) => getResident(ctx, { actor: actorOf(req), residentId: req.params.residentId }),
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
    async (req) => updateResident(ctx, { actor: actorOf(req), residentId: req.params.residentId, body: req.body }),
  );
}
