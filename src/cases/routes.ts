import { z } from 'zod';
import { actorOf, operation } from '../auth/index.js';
import {
  AssignCaseBody,
  AssigneeSuggestions,
  Attachment,
  CaseDetail,
  CaseSummary,
  CloseBody,
  CompleteRepairBody,
  CreateCaseBody,
  CreateSavedViewBody,
  EscalateBody,
  ForwardBody,
  ListCasesQuery,
  ListObligationsQuery,
  NoteBody,
  Obligation,
  ReopenBody,
  RepairWorkBody,
  ReplyBody,
  ResolveBody,
  SatisfactionBody,
  SavedView,
  StartRepairBody,
} from '../contract/cases.js';
import { Id, Instant, Ok, PageQuery, pageOf } from '../contract/common.js';
import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http/app.js';
import { errorResponses, okResponses } from '../platform/http/errors.js';
import type { CaseAbility } from './access.js';
import { assignCase } from './assignment/assign-case.js';
import { forwardCase } from './assignment/forward-case.js';
import { suggestAssignees } from './assignment/suggest-assignees.js';
import { addAttachment } from './attachments/add-attachment.js';
import { ATTACHMENT_TYPES, decodedFileName, MAX_ATTACHMENT_BYTES } from './attachments/files.js';
import { readAttachment } from './attachments/read-attachment.js';
import { closeCase } from './closing/close-case.js';
import { recordSatisfaction } from './closing/record-satisfaction.js';
import { reopenCase } from './closing/reopen-case.js';
import { resolveCase } from './closing/resolve-case.js';
import { escalateCase } from './escalation/escalate-case.js';
import { createCase } from './intake/create-case.js';
import { listObligations } from './obligations/list-obligations.js';
import { getCase } from './reading/get-case.js';
import { listCases } from './reading/list-cases.js';
import { searchCases } from './reading/search-cases.js';
import { completeRepair } from './repairs/complete-repair.js';
import { recordRepairWork } from './repairs/record-repair-work.js';
import { startRepair } from './repairs/start-repair.js';
import { addNote } from './replies/add-note.js';
import { replyToCase } from './replies/reply-to-case.js';
import { createSavedView } from './views/create-saved-view.js';
import { deleteSavedView } from './views/delete-saved-view.js';
import { listSavedViews } from './views/list-saved-views.js';

const EstateParams = z.strictObject({ estateId: Id });
const CaseParams = z.strictObject({ caseId: Id });

type CaseAction = {
  path: string;
  operationId: string;
  summary: string;
  /** The ability (`policy.ts`) the use case checks in the case's estate. */
  ability: CaseAbility;
  body: z.ZodType;
  run: (ctx: AppContext, opts: { actor: ReturnType<typeof actorOf>; caseId: string; body: never }) => Promise<z.infer<typeof CaseDetail>>;
};

/** Every action on one case has the same shape: POST /cases/{caseId}/<action>, body, the case back. */
const ACTIONS: CaseAction[] = [
  {
    path: 'assign',
    operationId: 'assignCase',
    ability: 'case.assign',
    summary: 'Assign to a department and/or a person (suggestions: suggestAssignees)',
    body: AssignCaseBody,
    run: assignCase,
  },
  {
    path: 'replies',
    operationId: 'replyToCase',
    ability: 'case.reply',
    summary: 'Record a reply to the resident (call, visit, written); the first one meets R-CP-1',
    body: ReplyBody,
    run: replyToCase,
  },
  {
    path: 'notes',
    operationId: 'addCaseNote',
    ability: 'case.note',
    summary: 'An internal note (not a reply to the resident)',
    body: NoteBody,
    run: addNote,
  },
  {
    path: 'forward',
    operationId: 'forwardCase',
    ability: 'case.forward',
    summary: 'R-CP-2: forward to the responsible department, with a reason',
    body: ForwardBody,
    run: forwardCase,
  },
  {
    path: 'escalate',
    operationId: 'escalateCase',
    ability: 'case.escalate',
    summary: 'R-CP-2: escalate a policy matter to the manager',
    body: EscalateBody,
    run: escalateCase,
  },
  {
    path: 'satisfaction',
    operationId: 'recordSatisfaction',
    ability: 'case.satisfaction',
    summary: "R-CP-3: the resident's satisfaction; not satisfied keeps a complaint open and escalates it",
    body: SatisfactionBody,
    run: recordSatisfaction,
  },
  {
    path: 'resolve',
    operationId: 'resolveCase',
    ability: 'case.resolve',
    summary: 'Record the handling result and mark resolved',
    body: ResolveBody,
    run: resolveCase,
  },
  {
    path: 'close',
    operationId: 'closeCase',
    ability: 'case.close',
    summary: 'Close; a complaint needs a result and satisfaction, or a manager with a reason (R-CP-3)',
    body: CloseBody,
    run: closeCase,
  },
  {
    path: 'reopen',
    operationId: 'reopenCase',
    ability: 'case.reopen',
    summary: 'Reopen a resolved or closed case',
    body: ReopenBody,
    run: reopenCase,
  },
  {
    path: 'repair/start',
    operationId: 'startRepair',
    ability: 'repair.work',
    summary: 'Start the repair work order, with the maintenance staff member',
    body: StartRepairBody,
    run: startRepair,
  },
  {
    path: 'repair/work',
    operationId: 'recordRepairWork',
    ability: 'repair.work',
    summary: 'Record work done and materials used',
    body: RepairWorkBody,
    run: recordRepairWork,
  },
  {
    path: 'repair/complete',
    operationId: 'completeRepair',
    ability: 'repair.work',
    summary: 'Complete the repair; schedules its follow-up visits (repairCompleted)',
    body: CompleteRepairBody,
    run: completeRepair,
  },
];

export function registerCaseRoutes(api: App, ctx: AppContext): void {
  const tags = ['cases'];
  operation(api, {
    method: 'post',
    url: '/estates/:estateId/cases',
    ability: 'case.create',
    operationId: 'createCase',
    tags,
    summary:
      'Record a case from the counter, phone, hotline or portal (R-IN-1..4); complaints and hotline cases get their R-CP-1 reply deadline',
    params: EstateParams,
    body: CreateCaseBody,
    response: CaseDetail,
    created: true,
    run: ({ actor, params, body }) => createCase(ctx, { actor, estateId: params.estateId, body }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/cases',
    ability: 'case.read.own',
    operationId: 'listCases',
    tags,
    summary: 'Cases with filters, full-text q and asOf; someone who reads only their own cases (maintenance) gets those',
    params: EstateParams,
    querystring: ListCasesQuery,
    response: pageOf(CaseSummary),
    run: ({ actor, params, query }) => listCases(ctx, { actor, estateId: params.estateId, query }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/cases/search',
    ability: 'case.read.own',
    operationId: 'searchCases',
    tags,
    summary: 'Full-text search over cases: Chinese without word spaces (Traditional or Simplified) and English',
    params: EstateParams,
    querystring: PageQuery.extend({
      q: z.string().trim().max(200).default('').describe('Empty finds nothing'),
      asOf: Instant.optional(),
    }),
    response: pageOf(CaseSummary),
    run: ({ actor, params, query }) => searchCases(ctx, { actor, estateId: params.estateId, ...query }),
  });
  operation(api, {
    method: 'get',
    url: '/cases/:caseId',
    ability: 'case.read',
    operationId: 'getCase',
    tags,
    summary: 'A case with its timeline, deadlines and photos',
    params: CaseParams,
    querystring: z.strictObject({ asOf: Instant.optional() }),
    response: CaseDetail,
    run: ({ actor, params, query }) => getCase(ctx, { actor, caseId: params.caseId, ...(query.asOf && { asOf: new Date(query.asOf) }) }),
  });
  operation(api, {
    method: 'get',
    url: '/cases/:caseId/assignees',
    ability: 'case.assign',
    operationId: 'suggestAssignees',
    tags,
    summary: 'Departments and people whose duties cover the case',
    params: CaseParams,
    response: AssigneeSuggestions,
    run: ({ actor, params }) => suggestAssignees(ctx, { actor, caseId: params.caseId }),
  });
  for (const action of ACTIONS) {
    operation(api, {
      method: 'post',
      url: `/cases/:caseId/${action.path}`,
      ability: action.ability,
      operationId: action.operationId,
      tags,
      summary: action.summary,
      params: CaseParams,
      body: action.body,
      response: CaseDetail,
      run: ({ actor, params, body }) => action.run(ctx, { actor, caseId: params.caseId, body: body as never }),
    });
  }

  // ------------------------------------------------------------ photos
  api.register(async (plain) => {
    const scope = plain as unknown as App;
    for (const type of Object.keys(ATTACHMENT_TYPES)) {
      scope.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES }, (_req, body, done) => done(null, body));
    }
    scope.post(
      '/cases/:caseId/attachments',
      {
        bodyLimit: MAX_ATTACHMENT_BYTES,
        config: { ability: 'case.attach' },
        schema: {
          operationId: 'uploadCaseAttachment',
          tags,
          summary: 'Attach a photo: the raw JPEG, PNG or WebP bytes (at most 10 MiB), its name in X-File-Name',
          params: CaseParams,
          headers: z.object({ 'x-file-name': z.string().max(200).optional() }),
          response: { 201: Attachment, ...errorResponses },
        },
      },
      async (req, reply) => {
        const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const fileName = decodedFileName(String(req.headers['x-file-name'] ?? ''));
        const saved = await addAttachment(ctx, {
          actor: actorOf(req),
          caseId: req.params.caseId,
          contentType: String(req.headers['content-type'] ?? ''),
          fileName,
          bytes,
        });
        return reply.status(201).send(saved);
      },
    );
  });
  api.get(
    '/attachments/:attachmentId',
    {
      config: { ability: 'case.read' },
      schema: {
        operationId: 'getAttachment',
        tags,
        summary: 'The photo itself',
        params: z.strictObject({ attachmentId: Id }),
        response: { 200: { description: 'The image', content: { 'image/*': { schema: z.string() } } }, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { row, bytes } = await readAttachment(ctx, { actor: actorOf(req), attachmentId: req.params.attachmentId });
      return reply
        .header('content-type', row.content_type)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, max-age=3600')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(row.file_name)}`)
        .send(bytes as unknown as string);
    },
  );

  // ------------------------------------------------------------ the deadline engine's queues
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/obligations',
    ability: 'obligation.read',
    operationId: 'listObligations',
    tags: ['obligations'],
    summary: 'Deadlines: open, due soon, overdue, mine, my department, escalated; judged as of asOf',
    params: EstateParams,
    querystring: ListObligationsQuery,
    response: pageOf(Obligation),
    run: ({ actor, params, query }) => listObligations(ctx, { actor, estateId: params.estateId, query }),
  });

  // ------------------------------------------------------------ saved views
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/case-views',
    ability: 'view.manage',
    operationId: 'listSavedViews',
    tags,
    summary: 'Your saved case filters',
    params: EstateParams,
    response: z.object({ items: z.array(SavedView) }),
    run: ({ actor, params }) => listSavedViews(ctx, { actor, estateId: params.estateId }),
  });
  operation(api, {
    method: 'post',
    url: '/estates/:estateId/case-views',
    ability: 'view.manage',
    operationId: 'createSavedView',
    tags,
    params: EstateParams,
    body: CreateSavedViewBody,
    response: SavedView,
    created: true,
    run: ({ actor, params, body }) => createSavedView(ctx, { actor, estateId: params.estateId, body }),
  });
  api.delete(
    '/case-views/:viewId',
    {
      // Only ever one's own view: it concerns the signed-in person alone.
      config: { ability: 'self' },
      schema: { operationId: 'deleteSavedView', tags, params: z.strictObject({ viewId: Id }), response: okResponses(Ok) },
    },
    async (req) => {
      await deleteSavedView(ctx, { actor: actorOf(req), viewId: req.params.viewId });
      return { ok: true as const };
    },
  );
}
