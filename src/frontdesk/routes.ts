import { z } from 'zod';
import { type Actor, operation } from '../auth/index.js';
import { Id, pageOf } from '../contract/common.js';
import {
  AcknowledgeVisitorBody,
  Call,
  CallbackDue,
  CallbackDueQuery,
  CallerMatch,
  CompleteCallbackBody,
  DepartureBody,
  DeskScript,
  Greeting,
  GreetingQuery,
  HandOnMessageBody,
  ListCallsQuery,
  ListMessagesQuery,
  ListVisitsQuery,
  LogCallBody,
  LookupCallerQuery,
  Message,
  PageStaffBody,
  ReceiverSuggestion,
  ReceiveVisitorBody,
  RecordArrivalBody,
  Situation,
  SuggestReceiverQuery,
  TakeMessageBody,
  UpdateDeskScriptBody,
  Visit,
} from '../contract/frontdesk.js';
import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http/app.js';
import { listCalls } from './calls/list-calls.js';
import { logCall } from './calls/log-call.js';
import { lookupCaller } from './lookup/lookup-caller.js';
import { callbackDue } from './messages/callback-due.js';
import { completeCallback } from './messages/complete-callback.js';
import { handOnMessage } from './messages/hand-on-message.js';
import { listMessages } from './messages/list-messages.js';
import { takeMessage } from './messages/take-message.js';
import type { frontDeskPolicy } from './policy.js';
import { suggestReceiverFor } from './presence/suggest-receiver.js';
import { getGreeting } from './scripts/get-greeting.js';
import { listDeskScripts } from './scripts/list-desk-scripts.js';
import { updateDeskScript } from './scripts/update-desk-script.js';
import { acknowledgeVisitor } from './visits/acknowledge-visitor.js';
import { listVisits } from './visits/list-visits.js';
import { pageStaff } from './visits/page-staff.js';
import { receiveVisitor } from './visits/receive-visitor.js';
import { recordVisitArrival } from './visits/record-arrival.js';
import { recordVisitDeparture } from './visits/record-departure.js';

const EstateParams = z.strictObject({ estateId: Id });
const MessageParams = z.strictObject({ messageId: Id });
const VisitParams = z.strictObject({ visitId: Id });
const tags = ['front desk'];

type FrontDeskAbility = keyof typeof frontDeskPolicy;

export function registerFrontDeskRoutes(api: App, ctx: AppContext): void {
  // ------------------------------------------------------------ the phone desk
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/greeting',
    ability: 'desk.greet',
    operationId: 'getGreeting',
    tags,
    summary: 'R-PH-1: what to say on picking up, for a person and the time of day (never 喂)',
    params: EstateParams,
    querystring: GreetingQuery,
    response: Greeting,
    run: ({ actor, params, query }) => getGreeting(ctx, { actor, estateId: params.estateId, query }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/desk-scripts',
    ability: 'desk.script.read',
    operationId: 'listDeskScripts',
    tags,
    summary:
      "R-PH-2: the situation scripts (out, meeting, on a call, gone for the day, …) in each language, the estate's wording or the plan's",
    params: EstateParams,
    response: z.object({ items: z.array(DeskScript) }),
    run: ({ actor, params }) => listDeskScripts(ctx, { actor, estateId: params.estateId }),
  });
  operation(api, {
    method: 'put',
    url: '/estates/:estateId/desk-scripts/:situation',
    ability: 'desk.script.write',
    operationId: 'updateDeskScript',
    tags,
    summary: "Reword a situation script for the estate (null text restores the plan's)",
    params: z.strictObject({ estateId: Id, situation: Situation }),
    body: UpdateDeskScriptBody,
    response: z.object({ items: z.array(DeskScript) }),
    run: ({ actor, params, body }) =>
      updateDeskScript(ctx, {
        actor,
        estateId: params.estateId,
        situation: params.situation,
        body,
      }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/callers',
    ability: 'caller.lookup',
    operationId: 'lookupCaller',
    tags,
    summary: 'Who is calling: by phone (any part), unit or name, with the household and open cases',
    params: EstateParams,
    querystring: LookupCallerQuery,
    response: z.object({ items: z.array(CallerMatch) }),
    run: ({ actor, params, query }) => lookupCaller(ctx, { actor, estateId: params.estateId, q: query.q }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/calls',
    ability: 'call.read',
    operationId: 'listCalls',
    tags,
    summary: 'The call log, newest first',
    params: EstateParams,
    querystring: ListCallsQuery,
    response: pageOf(Call),
    run: ({ actor, params, query }) => listCalls(ctx, { actor, estateId: params.estateId, query }),
  });
  operation(api, {
    method: 'post',
    url: '/estates/:estateId/calls',
    ability: 'call.log',
    operationId: 'logCall',
    tags,
    summary: 'R-PH-4: log a call: caller, unit, purpose, outcome, who answered, how long',
    params: EstateParams,
    body: LogCallBody,
    response: Call,
    created: true,
    run: ({ actor, params, body }) => logCall(ctx, { actor, estateId: params.estateId, body }),
  });

  // ------------------------------------------------------------ messages and call-backs
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/messages',
    ability: 'message.read.own',
    operationId: 'listMessages',
    tags,
    summary: 'Messages and their call-backs (R-PH-3): open, overdue, done; mine or anyone’s',
    params: EstateParams,
    querystring: ListMessagesQuery,
    response: pageOf(Message),
    run: ({ actor, params, query }) => listMessages(ctx, { actor, estateId: params.estateId, query }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/messages/callback-due',
    ability: 'message.take',
    operationId: 'callbackDue',
    tags,
    summary: 'R-PH-3: when a message taken now for a colleague would be called back, to promise it to the caller',
    params: EstateParams,
    querystring: CallbackDueQuery,
    response: CallbackDue,
    run: ({ actor, params, query }) => callbackDue(ctx, { actor, estateId: params.estateId, query }),
  });
  operation(api, {
    method: 'post',
    url: '/estates/:estateId/messages',
    ability: 'message.take',
    operationId: 'takeMessage',
    tags,
    summary: 'R-PH-2, R-PH-3: take a message for a colleague; opens their call-back deadline',
    params: EstateParams,
    body: TakeMessageBody,
    response: Message,
    created: true,
    run: ({ actor, params, body }) => takeMessage(ctx, { actor, estateId: params.estateId, body }),
  });
  // The recipient may always complete or hand on their own message; `message.handle` is for anyone else's.
  const messageActions: {
    path: string;
    operationId: string;
    ability: FrontDeskAbility;
    summary: string;
    body: z.ZodType;
    run: (c: AppContext, o: { actor: Actor; messageId: string; body: never }) => Promise<Message>;
  }[] = [
    {
      path: 'callback',
      operationId: 'completeCallback',
      ability: 'message.handle',
      summary: 'R-PH-3: the call-back is made; meets its deadline',
      body: CompleteCallbackBody,
      run: completeCallback,
    },
    {
      path: 'hand-on',
      operationId: 'handOnMessage',
      ability: 'message.handle',
      summary: 'Hand the call-back on to a colleague',
      body: HandOnMessageBody,
      run: handOnMessage,
    },
  ];
  for (const action of messageActions) {
    operation(api, {
      method: 'post',
      url: `/messages/:messageId/${action.path}`,
      ability: action.ability,
      operationId: action.operationId,
      tags,
      summary: action.summary,
      params: MessageParams,
      body: action.body,
      response: Message,
      run: ({ actor, params, body }) => action.run(ctx, { actor, messageId: params.messageId, body: body as never }),
    });
  }

  // ------------------------------------------------------------ walk-in visits
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/visits/suggestion',
    ability: 'visit.read',
    operationId: 'suggestReceiver',
    tags,
    summary: 'R-WK-2, R-WK-3: who should rise for a visitor, and who the purpose routes to',
    params: EstateParams,
    querystring: SuggestReceiverQuery,
    response: ReceiverSuggestion,
    run: ({ actor, params, query }) => suggestReceiverFor(ctx, { actor, estateId: params.estateId, query }),
  });
  operation(api, {
    method: 'get',
    url: '/estates/:estateId/visits',
    ability: 'visit.read',
    operationId: 'listVisits',
    tags,
    summary: 'Visits: waiting (the queue, with the wait limit), being served, today’s',
    params: EstateParams,
    querystring: ListVisitsQuery,
    response: pageOf(Visit),
    run: ({ actor, params, query }) => listVisits(ctx, { actor, estateId: params.estateId, query }),
  });
  operation(api, {
    method: 'post',
    url: '/estates/:estateId/visits',
    ability: 'visit.record',
    operationId: 'recordVisitArrival',
    tags,
    summary: 'R-WK-1: a visitor arrives; the answer says who should rise (R-WK-2) and starts the wait (R-WK-4)',
    params: EstateParams,
    body: RecordArrivalBody,
    response: Visit,
    created: true,
    run: ({ actor, params, body }) => recordVisitArrival(ctx, { actor, estateId: params.estateId, body }),
  });
  const visitActions: {
    path: string;
    operationId: string;
    ability: FrontDeskAbility;
    summary: string;
    body: z.ZodType;
    run: (c: AppContext, o: { actor: Actor; visitId: string; body: never }) => Promise<Visit>;
  }[] = [
    {
      path: 'acknowledge',
      operationId: 'acknowledgeVisitor',
      ability: 'visit.record',
      summary: 'R-WK-4: the waiting visitor is greeted',
      body: AcknowledgeVisitorBody,
      run: acknowledgeVisitor,
    },
    {
      path: 'receive',
      operationId: 'receiveVisitor',
      ability: 'visit.record',
      summary: 'R-WK-1: who received the visitor, and when',
      body: ReceiveVisitorBody,
      run: receiveVisitor,
    },
    {
      path: 'page',
      operationId: 'pageStaff',
      ability: 'visit.record',
      summary: 'R-WK-3: page a colleague to the counter (a notice on their screen)',
      body: PageStaffBody,
      run: pageStaff,
    },
    {
      path: 'departure',
      operationId: 'recordVisitDeparture',
      ability: 'visit.record',
      summary: 'R-WK-1: the outcome and the departure',
      body: DepartureBody,
      run: recordVisitDeparture,
    },
  ];
  for (const action of visitActions) {
    operation(api, {
      method: 'post',
      url: `/visits/:visitId/${action.path}`,
      ability: action.ability,
      operationId: action.operationId,
      tags,
      summary: action.summary,
      params: VisitParams,
      body: action.body,
      response: Visit,
      run: ({ actor, params, body }) => action.run(ctx, { actor, visitId: params.visitId, body: body as never }),
    });
  }
}
