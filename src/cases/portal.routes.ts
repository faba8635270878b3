import { z } from 'zod';
import { actorOf, operation } from '../auth/index.js';
import { Attachment } from '../contract/cases.js';
import { Id } from '../contract/common.js';
import {
  ListPortalCasesQuery,
  PortalCaseDetail,
  PortalCasePage,
  PortalCreateCaseBody,
  PortalSatisfactionBody,
} from '../contract/portal.js';
import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http/app.js';
import { errorResponses } from '../platform/http/errors.js';
import { ATTACHMENT_TYPES, decodedFileName, MAX_ATTACHMENT_BYTES } from './attachments/files.js';
import { addPortalPhoto } from './portal/add-portal-photo.js';
import { answerSatisfaction } from './portal/answer-satisfaction.js';
import { createPortalCase } from './portal/create-portal-case.js';
import { getPortalCase } from './portal/get-portal-case.js';
import { listPortalCases } from './portal/list-portal-cases.js';
import { readPortalPhoto } from './portal/read-portal-photo.js';

const EstateParams = z.strictObject({ estateId: Id });
const PortalCaseParams = z.strictObject({ estateId: Id, caseId: Id });
const tags = ['portal'];

/**
 * The residents' portal (R-PT-1, R-IN-1, R-CP-3): a resident reports a case of their unit, follows
 * their cases, adds photos and answers the satisfaction question. Every other case answers 404.
 */
export function registerPortalCaseRoutes(api: App, ctx: AppContext): void {
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/portal/cases',
    ability: 'portal.case.read',
    operationId: 'listPortalCases',
    tags,
    summary: 'Your cases, newest first: open or closed, by kind or unit',
    params: EstateParams,
    querystring: ListPortalCasesQuery,
    response: PortalCasePage,
    run: ({ actor, params, query }) => listPortalCases(ctx, { actor, estateId: params.estateId, query }),
  });
  operation(api, {
    method: 'post',
    url: '/estates/:estateId/portal/cases',
    ability: 'portal.case.create',
    operationId: 'createPortalCase',
    tags,
    summary: 'Report a repair, an inquiry, a complaint or another matter about one of your units (R-IN-1: channel portal)',
    params: EstateParams,
    body: PortalCreateCaseBody,
    response: PortalCaseDetail,
    created: true,
    run: ({ actor, params, body }) => createPortalCase(ctx, { actor, estateId: params.estateId, body }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/portal/cases/:caseId',
    ability: 'portal.case.read',
    operationId: 'getPortalCase',
    tags,
    summary: 'One of your cases: its status, replies, repair, result, follow-up visits and photos',
    params: PortalCaseParams,
    response: PortalCaseDetail,
    run: ({ actor, params }) => getPortalCase(ctx, { actor, estateId: params.estateId, caseId: params.caseId }),
  });
  operation(api, {
    method: 'post',
    url: '/estates/:estateId/portal/cases/:caseId/satisfaction',
    ability: 'portal.case.satisfaction',
    operationId: 'answerPortalSatisfaction',
    tags,
    summary: 'R-CP-3: are you satisfied with how your complaint was handled? Satisfied closes it; not satisfied goes to the manager',
    params: PortalCaseParams,
    body: PortalSatisfactionBody,
    response: PortalCaseDetail,
    run: ({ actor, params, body }) => answerSatisfaction(ctx, { actor, estateId: params.estateId, caseId: params.caseId, body }),
  });

  api.register(async (plain) => {
    const scope = plain as unknown as App;
    for (const type of Object.keys(ATTACHMENT_TYPES)) {
      scope.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES }, (_req, body, done) => done(null, body));
    }
    scope.post(
      '/estates/:estateId/portal/cases/:caseId/attachments',
      {
        bodyLimit: MAX_ATTACHMENT_BYTES,
        config: { ability: 'portal.case.create' },
        schema: {
          operationId: 'uploadPortalPhoto',
          tags,
          summary: 'Add a photo to your case: the raw JPEG, PNG or WebP bytes (at most 10 MiB), its name in X-File-Name',
          params: PortalCaseParams,
          headers: z.object({ 'x-file-name': z.string().max(200).optional() }),
          response: { 201: Attachment, ...errorResponses },
        },
      },
      async (req, reply) => {
        const saved = await addPortalPhoto(ctx, {
          actor: actorOf(req),
          estateId: req.params.estateId,
          caseId: req.params.caseId,
          contentType: String(req.headers['content-type'] ?? ''),
          fileName: decodedFileName(String(req.headers['x-file-name'] ?? '')),
          bytes: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
        });
        return reply.status(201).send(saved);
      },
    );
  });
  api.get(
    '/estates/:estateId/portal/cases/:caseId/attachments/:attachmentId',
    {
      config: { ability: 'portal.case.read' },
      schema: {
        operationId: 'getPortalPhoto',
        tags,
        summary: 'A photo of your case',
        params: z.strictObject({ estateId: Id, caseId: Id, attachmentId: Id }),
        response: { 200: { description: 'The image', content: { 'image/*': { schema: z.string() } } }, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { row, bytes } = await readPortalPhoto(ctx, { actor: actorOf(req), ...req.params });
      return reply
        .header('content-type', row.content_type)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, max-age=3600')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(row.file_name)}`)
        .send(bytes as unknown as string);
    },
  );
}
