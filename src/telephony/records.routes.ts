import { z } from 'zod';
import { actorOf, operation } from '../auth/index.js';
import { Id } from '../contract/common.js';
import { AnswerTimes, AnswerTimesQuery, PbxImportBody, PbxImportResult } from '../contract/telephony.js';
import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http/app.js';
import { okResponses } from '../platform/http/errors.js';
import { answerTimes } from './records/answer-times.js';
import { importPbxCalls } from './records/import-calls.js';

const EstateParams = z.strictObject({ estateId: Id });
const tags = ['telephony'];

/** The PBX's call-detail records imported from a file, and the answer times (R-PH-5). */
export function registerPbxRecordRoutes(api: App, ctx: AppContext): void {
  api.post(
    '/estates/:estateId/pbx/imports',
    {
      config: { ability: 'pbx.manage' },
      // The content is base64 of a file of up to about 21 MB.
      bodyLimit: 30 * 1024 * 1024,
      schema: {
        operationId: 'importPbxCalls',
        tags,
        summary:
          "Managers: import the PBX's call records (Asterisk Master.csv, or a CSV read by the saved mapping): all rows or none, a call known already is left as it is",
        params: EstateParams,
        body: PbxImportBody,
        response: okResponses(PbxImportResult),
      },
    },
    async (req) => importPbxCalls(ctx, { actor: actorOf(req), estateId: req.params.estateId, body: req.body }),
  );
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/pbx/answer-times',
    ability: 'pbx.read',
    operationId: 'getPbxAnswerTimes',
    tags,
    summary: 'R-PH-5: calls answered within the limit, missed calls and the longest waits over days in the estate’s zone (at most 366)',
    params: EstateParams,
    querystring: AnswerTimesQuery,
    response: AnswerTimes,
    run: ({ actor, params, query }) => answerTimes(ctx, { actor, estateId: params.estateId, from: query.from, to: query.to }),
  });
}
