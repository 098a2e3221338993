import { decimalOf } from "../domain/decimal";
import type { ScorecardPicture } from "../domain/scorecard-queries";
import type { UnitScorecard } from "../domain/scorecard";
import type { ScorecardPictureType, UnitScorecardType } from "./types/scorecard.type";

/** A unit's scorecard as the schema shows it (figures as name/value pairs, the score as "87.50"). */
export const unitScorecardView = (card: UnitScorecard): UnitScorecardType => ({
  unit: { id: card.unit.id },
  unitName: card.unit.name,
  unitCode: card.unit.code,
  unitKind: card.unit.kind,
  year: card.year,
  score: card.score === null ? null : decimalOf(card.score),
  rules: card.lines.map((line) => ({
    rule: line.rule,
    period: line.period,
    status: line.status,
    reason: line.reason,
    // by name: jsonb does not keep the order the event had
    figures: Object.entries(line.figures)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => ({ name, value: value === null ? null : String(value) })),
    since: line.since,
    weight: line.weight,
  })),
  openFindings: card.openFindings,
  overdueFindings: card.overdueFindings,
});

export const pictureView = (picture: ScorecardPicture): ScorecardPictureType => ({
  year: picture.year,
  unit: unitScorecardView(picture.unit),
  units: picture.units.map(unitScorecardView),
});
