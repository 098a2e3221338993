import { Field, Int, ObjectType } from "type-graphql";
import { ComplianceStatusEnum, RULE_IDS_TEXT } from "./enums";
import { OrgUnitType } from "./org-unit.type";

@ObjectType("RuleFigure", {
  description: "A figure behind a rule's result: a count, a decimal string, a flag.",
})
export class RuleFigureType {
  @Field() name: string;
  @Field(() => String, {
    nullable: true,
    description: 'The value as text ("2", "0.85", "true"); null when unknown.',
  })
  value: string | null;
}

@ObjectType("ScorecardLine", { description: "One rule's current status on a unit's scorecard (R13)." })
export class ScorecardLineType {
  @Field({ description: `The rule: ${RULE_IDS_TEXT}.` }) rule: string;
  @Field(() => String, { nullable: true, description: "The year of a yearly rule; null for a standing one." })
  period: string | null;
  @Field(() => ComplianceStatusEnum) status: string;
  @Field({ description: "The reason in words." }) reason: string;
  @Field(() => [RuleFigureType]) figures: RuleFigureType[];
  @Field({ description: "Since when the unit has had this status." }) since: Date;
  @Field(() => Int, { description: "The rule's weight in the score." }) weight: number;
}

@ObjectType("UnitScorecard", { description: "R13's live compliance picture of one unit." })
export class UnitScorecardType {
  @Field(() => OrgUnitType) unit: { id: string };
  @Field() unitName: string;
  @Field() unitCode: string;
  @Field() unitKind: string;
  @Field(() => Int) year: number;
  @Field(() => String, {
    nullable: true,
    description:
      'Weighted score out of 100 ("87.50"): weight of the rules met over the weight of those that apply; null when none applies.',
  })
  score: string | null;
  @Field(() => [ScorecardLineType], { description: "Each rule's current status, by rule." })
  rules: ScorecardLineType[];
  @Field(() => Int, { description: "Findings of inspections not yet rectified (accepted)." })
  openFindings: number;
  @Field(() => Int, { description: "Open findings past their rectification deadline." })
  overdueFindings: number;
}

@ObjectType("ScorecardPicture", {
  description: "A unit's whole picture: its scorecard and every unit below it, worst first.",
})
export class ScorecardPictureType {
  @Field(() => Int) year: number;
  @Field(() => UnitScorecardType) unit: UnitScorecardType;
  @Field(() => [UnitScorecardType], { description: "The active units below it in your area, worst first." })
  units: UnitScorecardType[];
}
