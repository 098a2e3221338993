import { fromKafkaHeaders, toKafkaHeaders } from "../src";

describe("CloudEvents binary-mode envelope", () => {
  it("writes the CloudEvents 1.0 attributes as ce_ headers and reads them back", () => {
    const attrs = {
      id: "e1",
      source: "/grassroots/organization",
      type: "t.v1",
      subject: "u1",
      time: "2026-11-26T00:00:00.000Z",
    };
    const headers = toKafkaHeaders(attrs);
    expect(headers).toMatchObject({
      ce_specversion: "1.0",
      ce_id: "e1",
      ce_type: "t.v1",
      "content-type": "application/json",
    });
    expect(fromKafkaHeaders(headers)).toEqual({ ...attrs, requestid: undefined });
  });

  it("refuses a message that is not a CloudEvent, naming what is missing", () => {
    expect(() => fromKafkaHeaders({ ce_id: "x" })).toThrow(
      /missing ce_specversion, ce_source, ce_type, ce_time/,
    );
    expect(() =>
      fromKafkaHeaders({
        ...toKafkaHeaders({ id: "a", source: "s", type: "t", time: "now" }),
        ce_specversion: "0.3",
      }),
    ).toThrow(/specversion 0.3/);
  });
});
