import type { Fen } from "@grassroots/kit/validation";

/**
 * An amount in Chinese capital numerals as a voucher shows it (中国人民银行《支付结算办法》附一):
 * 人民币 + yuan in sections of 亿/万 with 仟佰拾; one 零 for a run of zeros inside the number or a
 * section starting with zeros; 整 after 元 or 角 when there is no 分; 零 between 元 and 分 when 角 is 0
 * (壹仟零伍元零柒分); no 元 for an amount under one yuan (人民币柒分).
 */
const DIGITS = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"];
const PLACES = ["仟", "佰", "拾", ""];
const SECTIONS = ["亿", "万", ""];

/** One section of four digits, zeros inside collapsed to one 零, trailing zeros dropped. */
function section(value: number): string {
  const digits = value.toString().padStart(4, "0").split("").map(Number);
  let text = "";
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      zero = text !== "";
      return;
    }
    if (zero) text += "零";
    text += DIGITS[d] + PLACES[i];
    zero = false;
  });
  return text;
}

function yuanText(yuan: bigint): string {
  if (yuan >= 1_0000_0000_0000n) throw new RangeError("capital numerals are written here up to 9999亿");
  const parts = [Number(yuan / 1_0000_0000n), Number((yuan / 1_0000n) % 1_0000n), Number(yuan % 1_0000n)];
  let text = "";
  let gap = false;
  parts.forEach((part, i) => {
    if (part === 0) {
      gap = text !== "";
      return;
    }
    if (text !== "" && (gap || part < 1000)) text += "零";
    text += section(part) + SECTIONS[i];
    gap = false;
  });
  return text;
}

export function capitalNumerals(fen: Fen): string {
  if (fen < 0n) return `负${capitalNumerals(-fen)}`;
  const yuan = fen / 100n;
  const jiao = Number((fen / 10n) % 10n);
  const cents = Number(fen % 10n);
  if (fen === 0n) return "人民币零元整";
  let text = "人民币";
  if (yuan > 0n) text += `${yuanText(yuan)}元`;
  if (jiao === 0 && cents === 0) return `${text}整`;
  if (jiao > 0) text += `${DIGITS[jiao]}角`;
  else if (yuan > 0n) text += "零";
  return cents > 0 ? `${text}${DIGITS[cents]}分` : `${text}整`;
}
