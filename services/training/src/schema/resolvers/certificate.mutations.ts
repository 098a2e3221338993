import { opt } from "@grassroots/kit";
import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { issuePrePostCertificate } from "../../domain/commands/issue-pre-post-certificate";
import type { Certificate } from "../../domain/training";
import { changePolicy, type GraphQLContext } from "../context";
import type { SchemaDeps } from "../deps";
import { REQUEST_ID } from "../inputs/request-id";
import { TrainingCertificateType } from "../types/certificate.type";

@Resolver()
export class CertificateMutations {
  constructor(private readonly deps: SchemaDeps) {}

  @Mutation(() => TrainingCertificateType, {
    description:
      "The pre-post certificate of a PASSED enrolment (issued with the result; returned, or issued if missing). Refused otherwise.",
  })
  async issuePrePostCertificate(
    @Arg("enrollmentId", () => ID) enrollmentId: string,
    @Ctx() ctx: GraphQLContext,
    @Arg("requestId", () => String, { nullable: true, description: REQUEST_ID }) requestId?: string | null,
  ): Promise<Certificate> {
    const { uow, clock, passRule } = this.deps.services;
    return issuePrePostCertificate(uow, await changePolicy(ctx), clock, passRule, enrollmentId, {
      requestId: opt(requestId),
    });
  }
}
