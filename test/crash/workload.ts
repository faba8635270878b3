import type { ApiClient, Json } from './http.js';

/** The estate the writers work in, created through the API before the first kill. */
export interface World {
  estateId: string;
  unitIds: string[];
  residentId: string;
  fixerId: string;
}

export interface AckedCase {
  id: string;
  number: string;
  kind: string;
  channel: string;
  description: string;
}

/** A receipt the counter was given (R-FE-2). */
export interface AckedPayment {
  id: string;
  receiptNumber: string;
  year: number;
  seq: number;
  amount: number;
  unitId: string;
  key: string;
}

export interface AckedNotice {
  id: string;
  followUpId: string;
  year: number;
  number: number;
  code: string;
  requiredAction: string;
}

/**
 * What the client saw acknowledged (a 2xx answer with its body), and what it sent without an
 * answer. Acknowledged writes must survive every kill; unanswered ones may be there or not.
 */
export class Ledger {
  readonly cases = new Map<string, AckedCase>();
  readonly notices = new Map<string, AckedNotice>();
  readonly payments = new Map<string, AckedPayment>();
  /** Payments sent without an answer, by Idempotency-Key: each is sent again with its key. */
  readonly unansweredPayments = new Map<string, { unitId: string; amount: number }>();
  /** Keys answered on a retry: the payment was taken once, whether or not its first try committed. */
  paymentRetriesAnswered = 0;
  /** Case ids whose repair start was acknowledged. */
  readonly started = new Set<string>();
  /** Case ids whose repair completion was acknowledged. */
  readonly completed = new Set<string>();
  /** Follow-up ids whose `problem` result was acknowledged, with the problem's words. */
  readonly problems = new Map<string, string>();
  /** Descriptions of cases sent without an answer. */
  readonly unansweredCases = new Set<string>();
  /** Follow-ups a notice was sent for without an answer (never used again). */
  readonly unansweredNotices = new Set<string>();
  /** Other writes sent without an answer (repair start and completion, follow-up results). */
  unansweredOther = 0;
  /** Answers that were neither 2xx nor a dropped connection: none are expected. */
  readonly refused: string[] = [];

  get acknowledged(): number {
    return this.cases.size + this.notices.size + this.started.size + this.completed.size + this.problems.size + this.payments.size;
  }
  get unanswered(): number {
    return this.unansweredCases.size + this.unansweredNotices.size + this.unansweredOther + this.unansweredPayments.size;
  }
}

const KINDS: { kind: string; channel: string }[] = [
  { kind: 'complaint', channel: 'phone' },
  { kind: 'complaint', channel: 'counter' },
  { kind: 'inquiry', channel: 'hotline' },
  { kind: 'inquiry', channel: 'counter' },
  { kind: 'fee', channel: 'portal' },
  { kind: 'suggestion', channel: 'hotline' },
];

type Outcome = { answered: true; body: Json } | { answered: false };

/**
 * The writers' work: record cases of every kind, take repairs through to a follow-up that
 * finds a problem (filling the pool), and issue rectification notices on the pool.
 */
export class Workload {
  /** Follow-ups whose `problem` result was acknowledged and that have no notice yet. */
  readonly pool: string[] = [];
  private seq = 0;

  constructor(
    private readonly client: ApiClient,
    private readonly world: World,
    readonly ledger: Ledger,
    private readonly tag: string,
  ) {}

  private token(): string {
    this.seq++;
    return `${this.tag}-${this.seq}`;
  }

  private async write(label: string, path: string, body: unknown, headers?: Record<string, string>): Promise<Outcome> {
    let res: Awaited<ReturnType<ApiClient['post']>>;
    try {
      res = await this.client.post(path, body, headers);
    } catch {
      return { answered: false };
    }
    if (res.status >= 200 && res.status < 300) return { answered: true, body: res.body };
    this.ledger.refused.push(`${label}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    return { answered: false };
  }

  /** One unit of work, picked at random: a notice on the pool, a step of the repair loop, or a new case. */
  async step(): Promise<void> {
    const r = Math.random();
    if (r < 0.25) return this.takePayment();
    if (this.pool.length && r < 0.45) return this.issueNotice();
    if (r < 0.65) {
      await this.repairToProblem();
      return;
    }
    await this.createCase();
  }

  async createCase(): Promise<void> {
    const pick = KINDS[Math.floor(Math.random() * KINDS.length)] as (typeof KINDS)[number];
    const description = `${this.token()} 住戶反映:走廊燈光不足,晚上出入不便`;
    const body = {
      kind: pick.kind,
      channel: pick.channel,
      unitId: this.world.unitIds[this.seq % this.world.unitIds.length],
      residentId: this.world.residentId,
      description,
    };
    const out = await this.write('create case', `/estates/${this.world.estateId}/cases`, body);
    if (!out.answered) {
      this.ledger.unansweredCases.add(description);
      return;
    }
    this.ledger.cases.set(out.body.id, { id: out.body.id, number: out.body.number, ...pick, description });
  }

  /**
   * A repair case recorded, started with the maintenance staff, completed, and its follow-up
   * recorded as a problem: the follow-up joins the pool. Stops at the first unanswered step.
   * Returns whether it reached the pool.
   */
  async repairToProblem(): Promise<boolean> {
    const token = this.token();
    const description = `${token} 浴室天花滲水,已影響樓下單位`;
    const repairClass = Math.random() < 0.5 ? 'safety' : 'other';
    const created = await this.write('create repair', `/estates/${this.world.estateId}/cases`, {
      kind: 'repair',
      channel: 'phone',
      unitId: this.world.unitIds[this.seq % this.world.unitIds.length],
      residentId: this.world.residentId,
      description,
      repairClass,
    });
    if (!created.answered) {
      this.ledger.unansweredCases.add(description);
      return false;
    }
    const caseId: string = created.body.id;
    this.ledger.cases.set(caseId, { id: caseId, number: created.body.number, kind: 'repair', channel: 'phone', description });

    const started = await this.write('start repair', `/cases/${caseId}/repair/start`, { maintenanceStaffId: this.world.fixerId });
    if (!started.answered) {
      this.ledger.unansweredOther++;
      return false;
    }
    this.ledger.started.add(caseId);

    const completed = await this.write('complete repair', `/cases/${caseId}/repair/complete`, { workDone: `${token} 已更換喉管` });
    if (!completed.answered) {
      this.ledger.unansweredOther++;
      return false;
    }
    this.ledger.completed.add(caseId);

    let followUpId: string | undefined;
    try {
      const list = await this.client.get(`/estates/${this.world.estateId}/follow-ups?queue=all&caseId=${caseId}`);
      if (list.status !== 200) {
        this.ledger.refused.push(`list follow-ups: ${list.status} ${JSON.stringify(list.body).slice(0, 300)}`);
        return false;
      }
      followUpId = (list.body.items as { id: string; kind: string }[]).find((f) => f.kind === 'repair')?.id;
    } catch {
      return false;
    }
    if (!followUpId) {
      this.ledger.refused.push(`completed repair ${caseId} has no follow-up in the list`);
      return false;
    }

    const problem = `${token} 天花仍有水跡`;
    const recorded = await this.write('record follow-up', `/follow-ups/${followUpId}/record`, {
      method: 'phone',
      result: 'problem',
      residentWords: '仲係有水滴落嚟',
      satisfaction: 2,
      problem,
    });
    if (!recorded.answered) {
      this.ledger.unansweredOther++;
      return false;
    }
    this.ledger.problems.set(followUpId, problem);
    this.pool.push(followUpId);
    return true;
  }

  /**
   * R-FE-2: a payment at the counter with an Idempotency-Key. One sent without an answer is sent
   * again with the same key and body (a cashier retrying): it must answer the one receipt.
   */
  async takePayment(): Promise<void> {
    const retry = this.ledger.unansweredPayments.entries().next();
    const [key, sent] = retry.done
      ? [
          `${this.token()}-pay`,
          { unitId: this.world.unitIds[this.seq % this.world.unitIds.length] as string, amount: 100 + Math.floor(Math.random() * 10_000) },
        ]
      : retry.value;
    const body = { unitId: sent.unitId, payer: '陳大文', method: 'cash', amount: sent.amount };
    const out = await this.write('take payment', `/estates/${this.world.estateId}/fee-payments`, body, { 'idempotency-key': key });
    if (!out.answered) {
      this.ledger.unansweredPayments.set(key, sent);
      return;
    }
    if (!retry.done) {
      this.ledger.unansweredPayments.delete(key);
      this.ledger.paymentRetriesAnswered++;
    }
    const b = out.body;
    this.ledger.payments.set(b.id, {
      id: b.id,
      receiptNumber: b.receiptNumber,
      year: b.receiptYear,
      seq: b.receiptSeq,
      amount: b.amount,
      unitId: sent.unitId,
      key,
    });
  }

  async issueNotice(): Promise<void> {
    const followUpId = this.pool.shift();
    if (!followUpId) return;
    const requiredAction = `${this.token()} 重做浴室天花防水,完成後通知管理處`;
    const out = await this.write('issue notice', `/estates/${this.world.estateId}/rectification-notices`, {
      followUpId,
      requiredAction,
      deadlineAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    if (!out.answered) {
      // Sent once and never again: had it been committed, a second notice would be a real one.
      this.ledger.unansweredNotices.add(followUpId);
      return;
    }
    const b = out.body;
    this.ledger.notices.set(b.id, { id: b.id, followUpId, year: b.year, number: b.number, code: b.code, requiredAction });
  }
}

/** An estate, a building, units, a resident and the maintenance staff member, through the API. */
export async function buildWorld(client: ApiClient, code: string, password: string): Promise<World> {
  const estate = await client.must('POST', '/estates', {
    code,
    name: '韌性苑',
    address: '香港測試道1號',
    timeZone: 'Asia/Hong_Kong',
    officeName: '韌性苑',
  });
  const building = await client.must('POST', `/estates/${estate.id}/buildings`, { name: 'A座' });
  const unitIds: string[] = [];
  for (let i = 1; i <= 4; i++) {
    const unit = await client.must('POST', `/estates/${estate.id}/units`, { buildingId: building.id, number: `${i}A`, floor: i });
    unitIds.push(unit.id);
  }
  const resident = await client.must('POST', `/estates/${estate.id}/residents`, {
    name: '陳大文',
    phone: '91234567',
    kind: 'owner',
    unitIds: [unitIds[0]],
  });
  const departments = await client.must('GET', `/estates/${estate.id}/departments`);
  const engineering = (departments.items as { id: string; code: string }[]).find((d) => d.code === 'engineering');
  if (!engineering) throw new Error('the new estate has no engineering department');
  const fixer = await client.must('POST', '/staff', {
    username: 'fixer',
    name: '李師傅',
    surname: '李',
    role: 'maintenance',
    locale: 'zh-Hant',
    password,
    estates: [{ estateId: estate.id, departmentId: engineering.id, counterSeat: null }],
  });
  // R-FE-3: a monthly fee large enough that no payment of the run pays it off, charged for this month.
  await client.must('POST', `/estates/${estate.id}/fee-items`, {
    code: 'management',
    name: '管理費',
    basis: 'per_unit_month',
    rate: 900_000_000,
    effectiveFrom: '2020-01-01',
  });
  await client.must('POST', `/estates/${estate.id}/fee-charge-runs`, { period: new Date().toISOString().slice(0, 7) });
  return { estateId: estate.id, unitIds, residentId: resident.id, fixerId: fixer.id };
}
