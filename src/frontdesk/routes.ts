import { z } from 'zod';
import { actorOf } from '../auth/index.js';
import { Id, pageOf } from '../contract/common.js';
import {
  AcknowledgeVisitorBody,
  Call,
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
import { createdResponses, okResponses } from '../platform/http/errors.js';
import { listCalls } from './calls/list-calls.js';
import { logCall } from './calls/log-call.js';
import { lookupCaller } from './lookup/lookup-caller.js';
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

type Actor = ReturnType<typeof actorOf>;
type FrontDeskAbility = keyof typeof frontDeskPolicy;

export function registerFrontDeskRoutes(api: App, ctx: AppContext): void {
  // ------------------------------------------------------------ the phone desk
  api.get(
    '/estates/:estateId/greeting',
    {
      config: { ability: 'desk.greet' },
      schema: {
        operationId: 'getGreeting',
        tags,
        summary: 'R-PH-1: what to say on picking up, for a person and the time of day (never 喂)',
        params: EstateParams,
        querystring: GreetingQuery,
        response: okResponses(Greeting),
      },
    },
    async (req) => getGreeting(ctx, { actor: actorOf(req), estateId: req.params.estateId, query: req.query }),
  );
  api.get(
    '/estates/:estateId/desk-scripts',
    {
      config: { ability: 'desk.script.read' },
      schema: {
        operationId: 'listDeskScripts',
        tags,
        summary:
          "R-PH-2: the situation scripts (out, meeting, on a call, gone for the day, …) in each language, the estate's wording or the plan's",
        params: EstateParams,
        response: okResponses(z.object({ items: z.array(DeskScript) })),
      },
    },
    async (req) => listDeskScripts(ctx, { actor: actorOf(req), estateId: req.params.estateId }),
  );
  api.put(
    '/estates/:estateId/desk-scripts/:situation',
    {
      config: { ability: 'desk.script.write' },
      schema: {
        operationId: 'updateDeskScript',
        tags,
        summary: "Reword a situation script for the estate (null text restores the plan's)",
        params: z.strictObject({ estateId: Id, situation: Situation }),
        body: UpdateDeskScriptBody,
        response: okResponses(z.object({ items: z.array(DeskScript) })),
      },
    },
    async (req) =>
      updateDeskScript(ctx, {
        actor: actorOf(req),
        estateId: req.params.estateId,
        situation: req.params.situation,
        body: req.body,
      }),
  );
  api.get(
    '/estates/:estateId/callers',
    {
      config: { ability: 'caller.lookup' },
      schema: {
        operationId: 'lookupCaller',
        tags,
        summary: 'Who is calling: by phone (any part), unit or name, with the household and open cases',
        params: EstateParams,
        querystring: LookupCallerQuery,
        response: okResponses(z.object({ items: z.array(CallerMatch) })),
      },
    },
    async (req) => lookupCaller(ctx, { actor: actorOf(req), estateId: req.params.estateId, q: req.query.q }),
  );
  api.get(
    '/estates/:estateId/calls',
    {
      config: { ability: 'call.read' },
      schema: {
        operationId: 'listCalls',
        tags,
        summary: 'The call log, newest first',
        params: EstateParams,
        querystring: ListCallsQuery,
        response: okResponses(pageOf(Call)),
      },
    },
    async (req) => listCalls(ctx, { actor: actorOf(req), estateId: req.params.estateId, query: req.query }),
  );
  api.post(
    '/estates/:estateId/calls',
    {
      config: { ability: 'call.log' },
      schema: {
        operationId: 'logCall',
        tags,
        summary: 'R-PH-4: log a call: caller, unit, purpose, outcome, who answered, how long',
        params: EstateParams,
        body: LogCallBody,
        response: createdResponses(Call),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await logCall(ctx, { actor: actorOf(req), estateId: req.params.estateId, body: req.body })),
  );

  // ------------------------------------------------------------ messages and call-backs
  api.get(
    '/estates/:estateId/messages',
    {
      config: { ability: 'message.read.own' },
      schema: {
        operationId: 'listMessages',
        tags,
        summary: 'Messages and their call-backs (R-PH-3): open, overdue, done; mine or anyone’s',
        params: EstateParams,
        querystring: ListMessagesQuery,
        response: okResponses(pageOf(Message)),
      },
    },
    async (req) => listMessages(ctx, { actor: actorOf(req), estateId: req.params.estateId, query: req.query }),
  );
  api.post(
    '/estates/:estateId/messages',
    {
      config: { ability: 'message.take' },
      schema: {
        operationId: 'takeMessage',
        tags,
        summary: 'R-PH-2, R-PH-3: take a message for a colleague; opens their call-back deadline',
        params: EstateParams,
        body: TakeMessageBody,
        response: createdResponses(Message),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await takeMessage(ctx, { actor: actorOf(req), estateId: req.params.estateId, body: req.body })),
  );
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
    api.post(
      `/messages/:messageId/${action.path}`,
      {
        config: { ability: action.ability },
        schema: {
          operationId: action.operationId,
          tags,
          summary: action.summary,
          params: MessageParams,
          body: action.body,
          response: okResponses(Message),
        },
      },
      async (req) => action.run(ctx, { actor: actorOf(req), messageId: req.params.messageId, body: req.body as never }),
    );
  }

  // ------------------------------------------------------------ walk-in visits
  api.get(
    '/estates/:estateId/visits/suggestion',
    {
      config: { ability: 'visit.read' },
      schema: {
        operationId: 'suggestReceiver',
        tags,
        summary: 'R-WK-2, R-WK-3: who should rise for a visitor, and who the purpose routes to',
        params: EstateParams,
        querystring: SuggestReceiverQuery,
        response: okResponses(ReceiverSuggestion),
      },
    },
    async (req) => suggestReceiverFor(ctx, { actor: actorOf(req), estateId: req.params.estateId, query: req.query }),
  );
  api.get(
    '/estates/:estateId/visits',
    {
      config: { ability: 'visit.read' },
      schema: {
        operationId: 'listVisits',
        tags,
        summary: 'Visits: waiting (the queue, with the wait limit), being served, today’s',
        params: EstateParams,
        querystring: ListVisitsQuery,
        response: okResponses(pageOf(Visit)),
      },
    },
    async (req) => listVisits(ctx, { actor: actorOf(req), estateId: req.params.estateId, query: req.query }),
  );
  api.post(
    '/estates/:estateId/visits',
    {
      config: { ability: 'visit.record' },
      schema: {
        operationId: 'recordVisitArrival',
        tags,
        summary: 'R-WK-1: a visitor arrives; the answer says who should rise (R-WK-2) and starts the wait (R-WK-4)',
        params: EstateParams,
        body: RecordArrivalBody,
        response: createdResponses(Visit),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await recordVisitArrival(ctx, { actor: actorOf(req), estateId: req.params.estateId, body: req.body })),
  );
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
    api.post(
      `/visits/:visitId/${action.path}`,
      {
        config: { ability: action.ability },
        schema: {
          operationId: action.operationId,
          tags,
          summary: action.summary,
          params: VisitParams,
          body: action.body,
          response: okResponses(Visit),
        },
      },
      async (req) => action.run(ctx, { actor: actorOf(req), visitId: req.params.visitId, body: req.body as never }),
    );
  }
}
