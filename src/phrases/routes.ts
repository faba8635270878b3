import { z } from 'zod';
import { actorOf } from '../auth/index.js';
import { Id, pageOf } from '../contract/common.js';
import {
  CheckPhrasesBody,
  CreatePhraseRuleBody,
  ListPhraseRulesQuery,
  PhraseCheck,
  PhraseRule,
  UpdatePhraseRuleBody,
} from '../contract/phrases.js';
import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http/app.js';
import { createdResponses, okResponses } from '../platform/http/errors.js';
import { checkPhrases } from './check/check-phrases.js';
import { createPhraseRule } from './guide/create-phrase-rule.js';
import { listPhraseRules } from './guide/list-phrase-rules.js';
import { updatePhraseRule } from './guide/update-phrase-rule.js';

const EstateParams = z.strictObject({ estateId: Id });

/** R-WD-1: the phrase guide and the check of a reply against it. */
export function registerPhraseRoutes(api: App, ctx: AppContext): void {
  api.post(
    '/estates/:estateId/phrases/check',
    {
      config: { ability: 'phrase.check' },
      schema: {
        operationId: 'checkPhrases',
        tags: ['phrases'],
        summary: 'Check a reply to a resident against the phrase guide: phrases to avoid, where, and what to say instead',
        params: EstateParams,
        body: CheckPhrasesBody,
        response: okResponses(PhraseCheck),
      },
    },
    async (req) => checkPhrases(ctx, { actor: actorOf(req), estateId: req.params.estateId, body: req.body }),
  );
  api.get(
    '/estates/:estateId/phrase-rules',
    {
      config: { ability: 'phrase.read' },
      schema: {
        operationId: 'listPhraseRules',
        tags: ['phrases'],
        summary: "The phrase guide in force at an estate: the company's rules and the estate's own",
        params: EstateParams,
        querystring: ListPhraseRulesQuery,
        response: okResponses(pageOf(PhraseRule)),
      },
    },
    async (req) => listPhraseRules(ctx, { actor: actorOf(req), estateId: req.params.estateId, query: req.query }),
  );
  api.post(
    '/estates/:estateId/phrase-rules',
    {
      config: { ability: 'phrase.write' },
      schema: {
        operationId: 'createPhraseRule',
        tags: ['phrases'],
        summary: "Managers: add a phrase to the estate's guide (an admin also to the company's)",
        params: EstateParams,
        body: CreatePhraseRuleBody,
        response: createdResponses(PhraseRule),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createPhraseRule(ctx, { actor: actorOf(req), estateId: req.params.estateId, body: req.body })),
  );
  api.patch(
    '/phrase-rules/:ruleId',
    {
      config: { ability: 'phrase.write' },
      schema: {
        operationId: 'updatePhraseRule',
        tags: ['phrases'],
        summary: "Change or disable an estate's rule; the company's rules only an admin may change",
        params: z.strictObject({ ruleId: Id }),
        body: UpdatePhraseRuleBody,
        response: okResponses(PhraseRule),
      },
    },
    async (req) => updatePhraseRule(ctx, { actor: actorOf(req), ruleId: req.params.ruleId, body: req.body }),
  );
}
