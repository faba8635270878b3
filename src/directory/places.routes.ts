import { z } from 'zod';
import { operation } from '../auth/index.js';
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
  UnitLookupMatch,
  UnitLookupQuery,
  UpdateBuildingBody,
  UpdateEstateBody,
  UpdateResidentBody,
  UpdateUnitBody,
} from '../contract/directory.js';
import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http/app.js';
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
import { lookupUnits } from './units/lookup-units.js';
import { updateBuilding } from './units/update-building.js';
import { updateUnit } from './units/update-unit.js';

export const EstateParams = z.strictObject({ estateId: Id });

/** Estates, buildings, units and residents. */
export function registerPlacesRoutes(api: App, ctx: AppContext): void {
  // ------------------------------------------------------------ estates
  operation(api, {
    method: 'get',
    url: '/estates',
    ability: 'self',
    operationId: 'listEstates',
    tags: ['estates'],
    summary: 'Estates you work for',
    querystring: PageQuery,
    response: pageOf(Estate),
    run: ({ actor, query }) => listEstates(ctx, { actor, ...query }),
  });
  operation(api, {
    method: 'post',
    url: '/estates',
    ability: 'estate.create',
    operationId: 'createEstate',
    tags: ['estates'],
    summary: 'Admin: add an estate with its five standard departments',
    body: CreateEstateBody,
    response: Estate,
    created: true,
    run: ({ actor, body }) => createEstate(ctx, { actor, body }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId',
    ability: 'estate.read',
    operationId: 'getEstate',
    tags: ['estates'],
    params: EstateParams,
    response: Estate,
    run: ({ actor, params }) => getEstate(ctx, { actor, estateId: params.estateId }),
  });
  operation(api, {
    method: 'patch',
    url: '/estates/:estateId',
    ability: 'estate.configure',
    operationId: 'updateEstate',
    tags: ['estates'],
    summary: 'Change an estate and its policy settings',
    params: EstateParams,
    body: UpdateEstateBody,
    response: Estate,
    run: ({ actor, params, body }) => updateEstate(ctx, { actor, estateId: params.estateId, body }),
  });

  // ------------------------------------------------------------ buildings
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/buildings',
    ability: 'unit.read',
    operationId: 'listBuildings',
    tags: ['buildings'],
    params: EstateParams,
    querystring: PageQuery,
    response: pageOf(Building),
    run: ({ actor, params, query }) => listBuildings(ctx, { actor, estateId: params.estateId, ...query }),
  });
  operation(api, {
    method: 'post',
    url: '/estates/:estateId/buildings',
    ability: 'unit.write',
    operationId: 'createBuilding',
    tags: ['buildings'],
    params: EstateParams,
    body: CreateBuildingBody,
    response: Building,
    created: true,
    run: ({ actor, params, body }) => createBuilding(ctx, { actor, estateId: params.estateId, body }),
  });
  operation(api, {
    method: 'patch',
    url: '/buildings/:buildingId',
    ability: 'unit.write',
    operationId: 'updateBuilding',
    tags: ['buildings'],
    params: z.strictObject({ buildingId: Id }),
    body: UpdateBuildingBody,
    response: Building,
    run: ({ actor, params, body }) => updateBuilding(ctx, { actor, buildingId: params.buildingId, body }),
  });

  // ------------------------------------------------------------ units
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/units',
    ability: 'unit.read',
    operationId: 'listUnits',
    tags: ['units'],
    params: EstateParams,
    querystring: ListUnitsQuery,
    response: pageOf(Unit),
    run: ({ actor, params, query }) => listUnits(ctx, { actor, estateId: params.estateId, query }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/unit-lookup',
    ability: 'unit.read',
    operationId: 'lookupUnits',
    tags: ['units'],
    summary:
      'The unit or caller lookup of every screen: units by building and number (exact, then starting with, then holding the text; natural order), and for the office residents by phone or name',
    params: EstateParams,
    querystring: UnitLookupQuery,
    response: z.object({ items: z.array(UnitLookupMatch) }),
    run: ({ actor, params, query }) => lookupUnits(ctx, { actor, estateId: params.estateId, query }),
  });
  operation(api, {
    method: 'post',
    url: '/estates/:estateId/units',
    ability: 'unit.write',
    operationId: 'createUnit',
    tags: ['units'],
    params: EstateParams,
    body: CreateUnitBody,
    response: Unit,
    created: true,
    run: ({ actor, params, body }) => createUnit(ctx, { actor, estateId: params.estateId, body }),
  });
  operation(api, {
    method: 'get',
    url: '/units/:unitId',
    ability: 'unit.read',
    operationId: 'getUnit',
    tags: ['units'],
    params: z.strictObject({ unitId: Id }),
    response: UnitDetail,
    run: ({ actor, params }) => getUnit(ctx, { actor, unitId: params.unitId }),
  });
  operation(api, {
    method: 'patch',
    url: '/units/:unitId',
    ability: 'unit.write',
    operationId: 'updateUnit',
    tags: ['units'],
    params: z.strictObject({ unitId: Id }),
    body: UpdateUnitBody,
    response: Unit,
    run: ({ actor, params, body }) => updateUnit(ctx, { actor, unitId: params.unitId, body }),
  });

  // ------------------------------------------------------------ residents
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/residents',
    ability: 'resident.read',
    operationId: 'listResidents',
    tags: ['residents'],
    params: EstateParams,
    querystring: ListResidentsQuery,
    response: pageOf(Resident),
    run: ({ actor, params, query }) => listResidents(ctx, { actor, estateId: params.estateId, query }),
  });
  operation(api, {
    method: 'post',
    url: '/estates/:estateId/residents',
    ability: 'resident.write',
    operationId: 'createResident',
    tags: ['residents'],
    params: EstateParams,
    body: CreateResidentBody,
    response: Resident,
    created: true,
    run: ({ actor, params, body }) => createResident(ctx, { actor, estateId: params.estateId, body }),
  });
  operation(api, {
    method: 'get',
    url: '/residents/:residentId',
    ability: 'resident.read',
    operationId: 'getResident',
    tags: ['residents'],
    params: z.strictObject({ residentId: Id }),
    response: Resident,
    run: ({ actor, params }) => getResident(ctx, { actor, residentId: params.residentId }),
  });
  operation(api, {
    method: 'patch',
    url: '/residents/:residentId',
    ability: 'resident.write',
    operationId: 'updateResident',
    tags: ['residents'],
    params: z.strictObject({ residentId: Id }),
    body: UpdateResidentBody,
    response: Resident,
    run: ({ actor, params, body }) => updateResident(ctx, { actor, residentId: params.residentId, body }),
  });
}
