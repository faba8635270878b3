import { z } from 'zod';
import { operation } from '../auth/index.js';
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
import { checkPhrases } from './check/check-phrases.js';
import { createPhraseRule } from './guide/create-phrase-rule.js';
import { listPhraseRules } from './guide/list-phrase-rules.js';
import { updatePhraseRule } from './guide/update-phrase-rule.js';

const EstateParams = z.strictObject({ estateId: Id });
const tags = ['phrases'];

/** R-WD-1: the phrase guide and the check of a reply against it. */
export function registerPhraseRoutes(api: App, ctx: AppContext): void {
  operation(api, {
    method: 'post',
    url: '/estates/:estateId/phrases/check',
    ability: 'phrase.check',
    operationId: 'checkPhrases',
    tags,
    summary: 'Check a reply to a resident against the phrase guide: phrases to avoid, where, and what to say instead',
    params: EstateParams,
    body: CheckPhrasesBody,
    response: PhraseCheck,
    run: ({ actor, params, body }) => checkPhrases(ctx, { actor, estateId: params.estateId, body }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/phrase-rules',
    ability: 'phrase.read',
    operationId: 'listPhraseRules',
    tags,
    summary: "The phrase guide in force at an estate: the company's rules and the estate's own",
    params: EstateParams,
    querystring: ListPhraseRulesQuery,
    response: pageOf(PhraseRule),
    run: ({ actor, params, query }) => listPhraseRules(ctx, { actor, estateId: params.estateId, query }),
  });
  operation(api, {
    method: 'post',
    url: '/estates/:estateId/phrase-rules',
    ability: 'phrase.write',
    operationId: 'createPhraseRule',
    tags,
    summary: "Managers: add a phrase to the estate's guide (an admin also to the company's)",
    params: EstateParams,
    body: CreatePhraseRuleBody,
    response: PhraseRule,
    created: true,
    run: ({ actor, params, body }) => createPhraseRule(ctx, { actor, estateId: params.estateId, body }),
  });
  operation(api, {
    method: 'patch',
    url: '/phrase-rules/:ruleId',
    ability: 'phrase.write',
    operationId: 'updatePhraseRule',
    tags,
    summary: "Change or disable an estate's rule; the company's rules only an admin may change",
    params: z.strictObject({ ruleId: Id }),
    body: UpdatePhraseRuleBody,
    response: PhraseRule,
    run: ({ actor, params, body }) => updatePhraseRule(ctx, { actor, ruleId: params.ruleId, body }),
  });
}
