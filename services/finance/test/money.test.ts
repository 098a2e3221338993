import { isAppError } from "@grassroots/kit/errors";
import { capitalNumerals } from "../src/domain/capital-numerals";
import { formatMoney, MAX_FEN, parseMoney, percentOf } from "@grassroots/kit/validation";

const refusal = (value: string, options = {}) => {
  try {
    parseMoney(value, "amount", options);
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message, field: error.details.field };
    throw error;
  }
  throw new Error(`"${value}" was accepted`);
};

describe("Money: the API's yuan strings to integer fen", () => {
  it.each([
    ["10000000.00", 1_000_000_000n],
    ["0.00", 0n],
    ["0.07", 7n],
    ["1005.07", 100507n],
    ["100000000000.00", MAX_FEN],
  ])("R8: %s yuan is %s fen", (text, fen) => {
    expect(parseMoney(text, "amount")).toBe(fen);
    expect(formatMoney(fen)).toBe(text);
  });

  it.each(["12.345", "1e3", "１００.００", "", "12", "12.3", "1,000.00", " 1.00", "01.00", "+1.00", ".50"])(
    'R8: "%s" is refused, naming the field and what to type',
    (text) => {
      const r = refusal(text);
      expect(r).toEqual({
        code: "BAD_USER_INPUT",
        field: "amount",
        message: expect.stringContaining('"10000000.00"'),
      });
    },
  );

  it('R8: "-5.00" is refused where an amount cannot be negative, accepted where it may', () => {
    expect(refusal("-5.00").message).toBe(
      'amount cannot be negative; got "-5.00". Type yuan with exactly two decimals and ASCII digits, e.g. "10000000.00".',
    );
    expect(parseMoney("-5.00", "amount", { negative: true })).toBe(-500n);
    expect(formatMoney(-500n)).toBe("-5.00");
  });

  it("R8: an amount over the cap, and one over the BIGINT range, is refused", () => {
    expect(refusal("100000000000.01").message).toBe(
      "amount 100000000000.01 is over the largest amount accepted, 100000000000.00; check the figure.",
    );
    expect(refusal("92233720368547758.08").message).toContain("beyond the range a stored amount can hold");
  });

  it("R8: zero is refused where an amount must be positive", () => {
    expect(refusal("0.00", { zero: false }).message).toBe("amount must be more than 0.00.");
  });

  it("R8: rates are computed in bigint and rounded half up to hundredths of a percent", () => {
    expect(percentOf(12345n, 20000n)).toBe("61.73");
    expect(percentOf(1n, 3n)).toBe("33.33");
    expect(percentOf(2n, 3n)).toBe("66.67");
    expect(percentOf(5n, 0n)).toBeNull();
  });
});

describe("Capital numerals (大写金额) as a voucher shows them", () => {
  it.each([
    [0n, "人民币零元整"],
    [7n, "人民币柒分"],
    [50n, "人民币伍角整"],
    [57n, "人民币伍角柒分"],
    [100n, "人民币壹元整"],
    [1000n, "人民币壹拾元整"],
    [120n, "人民币壹元贰角整"], // 角 without 分: 整
    [107n, "人民币壹元零柒分"], // 分 without 角: 零
    [100507n, "人民币壹仟零伍元零柒分"], // zeros in the middle, one 零
    [1_000_000_000n, "人民币壹仟万元整"],
    [1_000_500n, "人民币壹万零伍元整"],
    [10_100_00n, "人民币壹万零壹佰元整"],
    [10_010_00n, "人民币壹万零壹拾元整"],
    [1_680_32n, "人民币壹仟陆佰捌拾元叁角贰分"],
    [1_0000_0001_00n, "人民币壹亿零壹元整"], // an empty 万 section and a units section with leading zeros
    [1_0001_0000_00n, "人民币壹亿零壹万元整"],
    [1_1000_0000_00n, "人民币壹亿壹仟万元整"],
    [1_0000_1000_00n, "人民币壹亿零壹仟元整"], // an empty 万 section: one 零
    [1000_0005_00n, "人民币壹仟万零伍元整"],
    [12_3456_7890_12n, "人民币壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元壹角贰分"],
    [MAX_FEN, "人民币壹仟亿元整"],
  ])("%s fen is %s", (fen, text) => {
    expect(capitalNumerals(fen)).toBe(text);
  });
});
