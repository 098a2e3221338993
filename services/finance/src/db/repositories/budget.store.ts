import type { EntityManager } from "typeorm";
import type { Actor } from "../../domain/access-policy";
import type { BudgetLine, Disbursement, Instalment } from "../../domain/budget";
import type { BudgetStore, NewBudgetLine, NewDisbursement, NewTerms } from "../../domain/ports";
import {
  BudgetInstalmentEntity,
  BudgetLineEntity,
  BudgetLineRevisionEntity,
  DisbursementEntity,
  FiscalYearClosureEntity,
} from "../entities/budget.entity";

/** Budget writes inside one transaction. A revision adds rows; only the line's head (current revision, version) moves. */
export class TypeOrmBudgetStore implements BudgetStore {
  constructor(private readonly manager: EntityManager) {}

  private async withTerms(head: BudgetLineEntity | null): Promise<BudgetLine | undefined> {
    if (!head) return undefined;
    const [terms, instalments] = await Promise.all([
      this.manager.findOneByOrFail(BudgetLineRevisionEntity, {
        lineId: head.id,
        revision: head.currentRevision,
      }),
      this.manager.find(BudgetInstalmentEntity, {
        where: { lineId: head.id, revision: head.currentRevision },
        order: { seq: "ASC" },
      }),
    ]);
    return {
      ...head,
      terms,
      instalments: instalments.map(({ seq, dueDate, amountFen }) => ({ seq, dueDate, amountFen })),
    };
  }

  async get(id: string): Promise<BudgetLine | undefined> {
    return this.withTerms(await this.manager.findOneBy(BudgetLineEntity, { id }));
  }

  async lock(id: string): Promise<BudgetLine | undefined> {
    const head = await this.manager
      .createQueryBuilder(BudgetLineEntity, "l")
      .where("l.id = :id", { id })
      .setLock("pessimistic_write")
      .getOne();
    return this.withTerms(head);
  }

  private async addRevision(lineId: string, revision: number, terms: NewTerms, instalments: Instalment[]) {
    await this.manager.insert(BudgetLineRevisionEntity, {
      ...terms,
      lineId,
      revision,
      revisesRevision: revision > 1 ? revision - 1 : null,
    });
    await this.manager.insert(
      BudgetInstalmentEntity,
      instalments.map((i) => ({ ...i, lineId, revision })),
    );
  }

  async insert(line: NewBudgetLine, terms: NewTerms, instalments: Instalment[]): Promise<BudgetLine> {
    await this.manager.insert(BudgetLineEntity, { ...line, currentRevision: 1, version: 1 });
    await this.addRevision(line.id, 1, terms, instalments);
    return (await this.get(line.id))!;
  }

  async revise(id: string, terms: NewTerms, instalments: Instalment[]): Promise<BudgetLine> {
    const head = await this.manager.findOneByOrFail(BudgetLineEntity, { id });
    await this.addRevision(id, head.currentRevision + 1, terms, instalments);
    await this.manager
      .createQueryBuilder()
      .update(BudgetLineEntity)
      .set({
        currentRevision: head.currentRevision + 1,
        version: () => "version + 1",
        updatedAt: () => "now()",
      })
      .where("id = :id", { id })
      .execute();
    return (await this.get(id))!;
  }

  disbursementsOf(lineId: string): Promise<Disbursement[]> {
    return this.manager.find(DisbursementEntity, { where: { lineId }, order: { recordedAt: "ASC" } });
  }

  async getDisbursement(id: string): Promise<Disbursement | undefined> {
    return (await this.manager.findOneBy(DisbursementEntity, { id })) ?? undefined;
  }

  async insertDisbursement(disbursement: NewDisbursement): Promise<Disbursement> {
    await this.manager.insert(DisbursementEntity, disbursement);
    return (await this.getDisbursement(disbursement.id))!;
  }

  async isClosed(ownerUnitId: string, fiscalYear: number): Promise<boolean> {
    return (await this.manager.countBy(FiscalYearClosureEntity, { ownerUnitId, fiscalYear })) > 0;
  }

  async close(ownerUnitId: string, fiscalYear: number, actor: Actor): Promise<void> {
    await this.manager.insert(FiscalYearClosureEntity, {
      ownerUnitId,
      fiscalYear,
      closedBy: actor.id,
      closedByName: actor.name,
    });
  }
}
