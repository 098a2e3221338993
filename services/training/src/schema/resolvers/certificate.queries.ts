import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { getCertificate } from "../../domain/queries";
import type { Certificate } from "../../domain/training";
import { readScope, type GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import { TrainingCertificateType } from "../types/certificate.type";

@Resolver()
export class CertificateQueries {
  constructor(private readonly deps: SchemaDeps) {}

  @Query(() => TrainingCertificateType, {
    nullable: true,
    description: "A certificate by number, if its holder or organizer is in your area.",
  })
  async trainingCertificate(@Arg("number") number: string, @Ctx() ctx: GraphQLContext): Promise<Certificate> {
    return getCertificate(this.deps.services.certificates, await readScope(ctx), number);
  }
}
