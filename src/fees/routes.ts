import { z } from 'zod';
import { operation } from '../auth/index.js';
import { Id, pageOf } from '../contract/common.js';
import {
  CreateFeeItemBody,
  FeeItem,
  ListFeeItemsQuery,
  NewFeeRate,
  NewFeeRateBody,
  RetireFeeItemBody,
  UpdateFeeItemBody,
} from '../contract/fees.js';
import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http/app.js';
import { createFeeItem } from './items/create-fee-item.js';
import { getFeeItem } from './items/get-fee-item.js';
import { listFeeItems } from './items/list-fee-items.js';
import { retireFeeItem } from './items/retire-fee-item.js';
import { startFeeRate } from './items/start-fee-rate.js';
import { updateFeeItem } from './items/update-fee-item.js';
import { registerLedgerRoutes } from './ledger.routes.js';

const EstateParams = z.strictObject({ estateId: Id });
const ItemParams = z.strictObject({ feeItemId: Id });
const tags = ['fees'];

/** R-FE-1: the estate's fee items and their periods. */
export function registerFeeRoutes(api: App, ctx: AppContext): void {
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/fee-items',
    ability: 'fee.read',
    operationId: 'listFeeItems',
    tags,
    summary: "The estate's fee items, each period a row; filter by name, basis or the day they are in force",
    params: EstateParams,
    querystring: ListFeeItemsQuery,
    response: pageOf(FeeItem),
    run: ({ actor, params, query }) => listFeeItems(ctx, { actor, estateId: params.estateId, query }),
  });
  operation(api, {
    method: 'post',
    url: '/estates/:estateId/fee-items',
    ability: 'fee.write',
    operationId: 'createFeeItem',
    tags,
    summary: "Managers: add a fee item's period; one overlapping another period of the same code is refused (409)",
    params: EstateParams,
    body: CreateFeeItemBody,
    response: FeeItem,
    created: true,
    run: ({ actor, params, body }) => createFeeItem(ctx, { actor, estateId: params.estateId, body }),
  });
  operation(api, {
    method: 'get',
    url: '/fee-items/:feeItemId',
    ability: 'fee.read',
    operationId: 'getFeeItem',
    tags,
    summary: 'One period of a fee item',
    params: ItemParams,
    response: FeeItem,
    run: ({ actor, params }) => getFeeItem(ctx, { actor, feeItemId: params.feeItemId }),
  });
  operation(api, {
    method: 'patch',
    url: '/fee-items/:feeItemId',
    ability: 'fee.write',
    operationId: 'updateFeeItem',
    tags,
    summary: "Change a period's names, days, approval reference or notes; a new rate is a new period",
    params: ItemParams,
    body: UpdateFeeItemBody,
    response: FeeItem,
    run: ({ actor, params, body }) => updateFeeItem(ctx, { actor, feeItemId: params.feeItemId, body }),
  });
  operation(api, {
    method: 'post',
    url: '/fee-items/:feeItemId/new-rate',
    ability: 'fee.write',
    operationId: 'startFeeRate',
    tags,
    summary: 'A new rate from a day: the period in force ends the day before and the next one starts',
    params: ItemParams,
    body: NewFeeRateBody,
    response: NewFeeRate,
    created: true,
    run: ({ actor, params, body }) => startFeeRate(ctx, { actor, feeItemId: params.feeItemId, body }),
  });
  operation(api, {
    method: 'post',
    url: '/fee-items/:feeItemId/retire',
    ability: 'fee.write',
    operationId: 'retireFeeItem',
    tags,
    summary: 'Stop charging an item after its last day; the period stays on record',
    params: ItemParams,
    body: RetireFeeItemBody,
    response: FeeItem,
    run: ({ actor, params, body }) => retireFeeItem(ctx, { actor, feeItemId: params.feeItemId, body }),
  });
  registerLedgerRoutes(api, ctx);
}
