import { StatisticianRegistered } from "@grassroots/events";
import { readTopicWithKcat, waitFor } from "@grassroots/testing";
import { randomUUID } from "node:crypto";
import { residentIdCheckCharacter as checkCharacter } from "@grassroots/kit/validation";
import {
  as,
  cityAdmin,
  dalateAdmin,
  expectError,
  GONGYE,
  idOf,
  newIdNumber,
  outboxTypes,
  SHULINZHAO,
  shulinzhaoClerk,
  startHarness,
  XUEJIAWAN,
  zhungeerAdmin,
  type Harness,
} from "./support/harness";
import { REGISTER, STATISTICIAN, UPDATE } from "./support/operations";
import { storedPersonalData } from "./support/personal-data";
import { fingerprintOf } from "@grassroots/kit";
import { FINGERPRINT_PURPOSE } from "../src/db/keyed-idempotency";
import { personalDataCipher } from "../src/db/personal-data";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.publishTree();
});
afterAll(() => h.stop());

const register = (input: Record<string, unknown>, who = cityAdmin) =>
  h.call(
    REGISTER,
    { input: { requestId: randomUUID(), orgUnitId: idOf(SHULINZHAO), name: "王样例", ...input } },
    who,
  );

/** 150621 + 1985-03-12 + sequence 123 (odd: male) + the GB 11643 check character. */
const VALID = `15062119850312123${checkCharacter("15062119850312123")}`;

describe("statisticians: registration and the resident ID number", () => {
  it("registers a person, reading birth date and gender from the ID number; the event carries neither the ID nor the phone", async () => {
    const res = await register({
      idNumber: VALID,
      phone: "13912345678",
      ethnicity: "蒙古族",
      title: "INTERMEDIATE",
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.registerStatistician).toMatchObject({
      idNumber: VALID,
      birthDate: "1985-03-12",
      gender: "MALE",
      phone: "13912345678",
      personalDataMasked: false,
      version: 1,
      prePostGate: { certified: false },
    });
    const [event] = await h.dataSource.query(`SELECT type, key, data FROM outbox ORDER BY seq DESC LIMIT 1`);
    expect(event.type).toBe(StatisticianRegistered.type);
    expect(event.data).toMatchObject({
      name: "王样例",
      gender: "MALE",
      ethnicity: "蒙古族",
      title: "INTERMEDIATE",
    });
    expect(JSON.stringify(event.data)).not.toContain("1985");
    expect(JSON.stringify(event.data)).not.toContain("13912345678");
  });

  it("accepts a lower-case x as the check character and stores it upper-case", async () => {
    // Find a number whose check character is X.
    let n = 100;
    let first17 = "";
    do first17 = `15062119900101${String(n++).padStart(3, "0")}`;
    while (checkCharacter(first17) !== "X");
    const res = await register({ idNumber: `${first17}x` });
    expect(res.data!.registerStatistician.idNumber).toBe(`${first17}X`);
  });

  it("refuses a wrong check character (GB 11643) with BAD_USER_INPUT, writing nothing, and never echoes the number", async () => {
    const wrong = `${VALID.slice(0, 17)}${VALID[17] === "0" ? "1" : "0"}`;
    const message = await h.expectRefused("BAD_USER_INPUT", () => register({ idNumber: wrong }));
    expect(message).toContain("check character");
    expect(message).not.toContain(wrong);
  });

  it("refuses a birth date that does not exist, and one in the future", async () => {
    const feb30 = "15062119850230123";
    expect(
      await h.expectRefused("BAD_USER_INPUT", () =>
        register({ idNumber: `${feb30}${checkCharacter(feb30)}` }),
      ),
    ).toContain("birth date");
    const future = "15062120300101123";
    expect(
      await h.expectRefused("BAD_USER_INPUT", () =>
        register({ idNumber: `${future}${checkCharacter(future)}` }),
      ),
    ).toContain("future");
  });

  it("refuses a number of the wrong length", async () => {
    await h.expectRefused("BAD_USER_INPUT", () => register({ idNumber: "15062119850312123" }));
  });

  it("refuses a duplicate ID number with CONFLICT naming the record the caller may see, and writes nothing", async () => {
    const message = await h.expectRefused("CONFLICT", () => register({ idNumber: VALID, name: "重复样例" }));
    expect(message).toContain("already registered");
    expect(message).toContain("王样例");
  });

  it("a duplicate registered outside the caller's area is CONFLICT without naming the person", async () => {
    const clerkOfXuejiawan = as("UNIT_CLERK", XUEJIAWAN);
    const message = await h.expectRefused("CONFLICT", () =>
      register({ idNumber: VALID, orgUnitId: idOf(XUEJIAWAN) }, clerkOfXuejiawan),
    );
    expect(message).toContain("outside your area");
    expect(message).not.toContain("王样例");
  });

  it("refuses a gender that contradicts the ID number", async () => {
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      register({ idNumber: newIdNumber("150621", true), gender: "FEMALE" }),
    );
    expect(message).toContain("17th digit");
  });

  it("#10.3: read-only roles may not register (FORBIDDEN); a unit outside the caller's area is NOT_FOUND, worded as a missing unit", async () => {
    expect(
      await h.expectRefused("FORBIDDEN", () =>
        register({ idNumber: newIdNumber() }, as("INSPECTOR", "150621000000")),
      ),
    ).toBe("Only CITY_ADMIN or BANNER_ADMIN or UNIT_CLERK may register statisticians; you are INSPECTOR.");
    expect(
      await h.expectRefused("NOT_FOUND", () => register({ idNumber: newIdNumber() }, zhungeerAdmin)),
    ).toBe(`Org unit ${idOf(SHULINZHAO)} does not exist in your area.`);
    expect(
      await h.expectRefused("NOT_FOUND", () =>
        register({ idNumber: newIdNumber(), orgUnitId: idOf(GONGYE) }, shulinzhaoClerk),
      ),
    ).toBe(`Org unit ${idOf(GONGYE)} does not exist in your area.`);
    const missing = randomUUID();
    expect(
      await h.expectRefused("NOT_FOUND", () =>
        register({ idNumber: newIdNumber(), orgUnitId: missing }, shulinzhaoClerk),
      ),
    ).toBe(`Org unit ${missing} does not exist in your area.`);
  });

  it("a retry with the same requestId returns the first result and writes nothing; the same id with other input is CONFLICT", async () => {
    const requestId = randomUUID();
    const input = { requestId, orgUnitId: idOf(SHULINZHAO), name: "重试样例", idNumber: newIdNumber() };
    const first = await h.call(REGISTER, { input }, cityAdmin);
    // #14: the request's fingerprint is kept keyed (HMAC), not as the plain SHA-256 of an input holding
    // the ID number (with the birth date and unit, ~1,000 guesses would match a plain one).
    const [{ fingerprint }] = await h.dataSource.query(
      `SELECT fingerprint FROM idempotency_key WHERE request_id = $1`,
      [requestId],
    );
    const plain = fingerprintOf({ orgUnitId: input.orgUnitId, name: input.name, idNumber: input.idNumber });
    expect(fingerprint).not.toBe(plain);
    expect(fingerprint).toBe(personalDataCipher(h.dataSource).hash(plain, FINGERPRINT_PURPOSE));
    const before = await h.fingerprint();
    const again = await h.call(REGISTER, { input }, cityAdmin);
    expect(again.data!.registerStatistician.id).toBe(first.data!.registerStatistician.id);
    expect(await h.fingerprint()).toBe(before);
    const message = await h.expectRefused("CONFLICT", () =>
      h.call(REGISTER, { input: { ...input, name: "别的样例" } }, cityAdmin),
    );
    expect(message).toContain("requestId");
  });
});

describe("statisticians: personal data by role, and scope", () => {
  let id: string;
  beforeAll(async () => {
    id = await h.register(SHULINZHAO, { phone: "13800001111" });
  });

  it("CITY_ADMIN, BANNER_ADMIN and the township's UNIT_CLERK see the ID number and phone in full", async () => {
    for (const who of [cityAdmin, dalateAdmin, shulinzhaoClerk]) {
      const person = (await h.call(STATISTICIAN, { id }, who)).data!.statistician;
      expect(person.personalDataMasked).toBe(false);
      expect(person.idNumber).toMatch(/^\d{17}[\dX]$/);
      expect(person.phone).toBe("13800001111");
      expect(person.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it("INSPECTOR and FINANCE_OFFICER see them masked, and no birth date", async () => {
    for (const role of ["INSPECTOR", "FINANCE_OFFICER"] as const) {
      const person = (await h.call(STATISTICIAN, { id }, as(role, "150621000000"))).data!.statistician;
      expect(person.personalDataMasked).toBe(true);
      expect(person.idNumber).toMatch(/^150621\*{8}\d{3}[\dX]$/);
      expect(person.phone).toBe("138****1111");
      expect(person.birthDate).toBeNull();
    }
  });

  it("a person outside the caller's area is NOT_FOUND, as one that does not exist", async () => {
    expectError(await h.call(STATISTICIAN, { id }, zhungeerAdmin), "NOT_FOUND");
    expectError(await h.call(STATISTICIAN, { id }, as("UNIT_CLERK", GONGYE)), "NOT_FOUND");
    expectError(await h.call(STATISTICIAN, { id: randomUUID() }, cityAdmin), "NOT_FOUND");
  });

  it("updates details with the version seen; a stale version is CONFLICT and writes nothing; the event names fields, not values", async () => {
    const update = (expectedVersion: number, phone: string) =>
      h.call(
        UPDATE,
        { input: { requestId: randomUUID(), id, expectedVersion, phone, education: "本科" } },
        shulinzhaoClerk,
      );
    const res = await update(1, "13800002222");
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateStatistician).toMatchObject({
      version: 2,
      phone: "13800002222",
      education: "本科",
    });
    const [event] = await h.dataSource.query(`SELECT type, data FROM outbox ORDER BY seq DESC LIMIT 1`);
    expect(event.type).toBe("grassroots.personnel.statistician.updated.v1");
    expect(event.data.changed.sort()).toEqual(["education", "phone"]);
    expect(JSON.stringify(event.data)).not.toContain("13800002222");
    await h.expectRefused("CONFLICT", () => update(1, "13800003333"));
  });

  it("no ID number or phone ever reaches the outbox or the topic (read with kcat, as an integrator would)", async () => {
    const numbers = (await storedPersonalData(h.dataSource)).map((p) => ({
      id_number: p.idNumber,
      phone: p.phone,
    }));
    const outbox = JSON.stringify(await h.dataSource.query(`SELECT data FROM outbox`));
    await h.flushOutbox();
    const topic = `${h.prefix}${StatisticianRegistered.topic}`;
    await waitFor(
      async () => (await readTopicWithKcat(topic)).length >= numbers.length,
      "the statistician events on the topic",
      30000,
      500,
    );
    const wire = JSON.stringify(await readTopicWithKcat(topic));
    for (const { id_number, phone } of numbers) {
      expect(outbox).not.toContain(id_number);
      expect(wire).not.toContain(id_number);
      if (phone) {
        expect(outbox).not.toContain(phone);
        expect(wire).not.toContain(phone);
      }
    }
    expect((await outboxTypes(h.dataSource)).length).toBeGreaterThan(0);
  });
});
