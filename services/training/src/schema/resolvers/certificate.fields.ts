import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { isWhole, type SessionView } from "../../domain/public-view";
import type { Certificate } from "../../domain/training";
import type { GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import { TrainingCertificateType } from "../types/certificate.type";
import { OrgUnitType } from "../types/org-unit.type";
import { IN_YOUR_AREA } from "../types/public-view";
import { TrainingSessionType } from "../types/session.type";
import { StatisticianType } from "../types/statistician.type";

@Resolver(() => TrainingCertificateType)
export class CertificateFields {
  constructor(private readonly deps: SchemaDeps) {}

  @FieldResolver(() => Boolean, { description: IN_YOUR_AREA })
  inYourArea(@Root() certificate: Certificate): boolean {
    return isWhole(certificate);
  }

  @FieldResolver(() => TrainingSessionType, {
    description: "The session: whole, or its public view when it lies outside what you may see.",
  })
  async session(@Root() certificate: Certificate, @Ctx() ctx: GraphQLContext): Promise<SessionView> {
    return (await this.deps.loaders(ctx).sessionView.load(certificate.sessionId))!;
  }

  @FieldResolver(() => StatisticianType)
  statistician(@Root() certificate: Certificate): { id: string } {
    return { id: certificate.statisticianId };
  }

  @FieldResolver(() => OrgUnitType)
  organizer(@Root() certificate: Certificate): { id: string } {
    return { id: certificate.organizerUnitId };
  }
}
