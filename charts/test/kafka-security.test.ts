import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { CHART, helmPath, PRODUCTION_VALUES, render, renderNotes, tryRender, type Rendered } from "./helm";

// #14 production security in the chart: Kafka as a shared cluster (SASL_SSL, SCRAM-SHA-512, one
// principal per subgraph, the CA from a Secret, ACLs by a hook Job) and personnel's keys of personal
// data at rest, every credential from a Secret, never a value.

beforeAll(() => {
  helmPath();
}, 900_000);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const SUBGRAPHS: string[] = Object.keys(parse(readFileSync(join(CHART, "values.yaml"), "utf8")).subgraphs);
const component = (o: Rendered) => o.metadata.labels?.["app.kubernetes.io/component"];
const ofKind = (list: Rendered[], kind: string) => list.filter((o) => o.kind === kind);
const find = (list: Rendered[], kind: string, name: string) =>
  list.find((o) => o.kind === kind && component(o) === name)!;
const configOf = (list: Rendered[], name: string) =>
  list.find((o) => o.kind === "ConfigMap" && o.metadata.name === `grassroots-${name}`)!.data as Record<
    string,
    string
  >;
const podOf = (o: Rendered) => o.spec.template.spec;
const envOf = (o: Rendered): Record<string, Json> =>
  Object.fromEntries(podOf(o).containers[0].env.map((e: Json) => [e.name, e.value ?? e.valueFrom]));
const secretRef = (name: string, key: string) => ({ secretKeyRef: { name, key } });

let production: Rendered[];
let defaults: Rendered[];
beforeAll(() => {
  production = render({ values: [PRODUCTION_VALUES] });
  defaults = render();
});

describe("Kafka as a shared cluster", () => {
  it("production values: every subgraph speaks SASL_SSL as its own principal, its password and the CA from Secrets", () => {
    for (const subgraph of SUBGRAPHS) {
      expect([subgraph, configOf(production, subgraph)]).toEqual([
        subgraph,
        expect.objectContaining({
          KAFKA_SECURITY_PROTOCOL: "SASL_SSL",
          KAFKA_SASL_MECHANISM: "SCRAM-SHA-512",
          KAFKA_SASL_USERNAME: `grassroots-${subgraph}`,
          KAFKA_SSL_CA_FILE: "/etc/grassroots/kafka-ca/ca.crt",
        }),
      ]);
      expect(configOf(production, subgraph)).not.toHaveProperty("KAFKA_SASL_PASSWORD");
      const deployment = find(production, "Deployment", subgraph);
      expect(envOf(deployment).KAFKA_SASL_PASSWORD).toEqual(
        secretRef("grassroots-kafka", `${subgraph}-password`),
      );
      expect(podOf(deployment).volumes).toContainEqual({
        name: "kafka-ca",
        secret: { secretName: "grassroots-kafka-ca", items: [{ key: "ca.crt", path: "ca.crt" }] },
      });
      expect(podOf(deployment).containers[0].volumeMounts).toContainEqual({
        name: "kafka-ca",
        mountPath: "/etc/grassroots/kafka-ca",
        readOnly: true,
      });
    }
    // The gateway talks to no broker: none of it.
    const gateway = find(production, "Deployment", "gateway");
    expect(JSON.stringify([gateway, configOf(production, "gateway")])).not.toMatch(/KAFKA_|kafka-ca/);
    // No Secret is rendered for Kafka: the operator's Secret is referenced, never created from values.
    expect(ofKind(production, "Secret").map((s) => s.metadata.name)).not.toContain("grassroots-kafka");
  });

  it("default values: PLAINTEXT, no credentials, no CA, no ACL Job (a broker of the installation alone)", () => {
    for (const subgraph of SUBGRAPHS) {
      expect(configOf(defaults, subgraph).KAFKA_SECURITY_PROTOCOL).toBe("PLAINTEXT");
      const deployment = find(defaults, "Deployment", subgraph);
      expect(JSON.stringify([deployment, configOf(defaults, subgraph)])).not.toMatch(/KAFKA_SASL|kafka-ca/);
    }
    expect(ofKind(defaults, "Job").map(component)).not.toContain("acls");
  });

  it("SASL_SSL without the Secret of the passwords, and ACLs without SASL_SSL, are refused", () => {
    const noSecret = tryRender({ set: ["kafka.securityProtocol=SASL_SSL"] });
    expect(noSecret.status).not.toBe(0);
    expect(noSecret.stderr).toContain(
      "kafka.sasl.existingSecret: required with kafka.securityProtocol SASL_SSL",
    );
    const plainAcls = tryRender({ set: ["kafka.acls.enabled=true"] });
    expect(plainAcls.status).not.toBe(0);
    expect(plainAcls.stderr).toContain("kafka.acls.enabled: needs kafka.securityProtocol SASL_SSL");
    const wrong = tryRender({ set: ["kafka.securityProtocol=SSL"] });
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toContain("/kafka/securityProtocol");
  });

  it("the ACL Job grants the principals the subgraphs log in as, after the topics and before the migrations", () => {
    const acls = find(production, "Job", "acls");
    expect(podOf(acls).containers[0].command).toEqual([
      "node",
      "node_modules/@grassroots/events/dist/cli/provision-acls.js",
    ]);
    const env = envOf(acls);
    expect(env).toMatchObject({
      KAFKA_SECURITY_PROTOCOL: "SASL_SSL",
      KAFKA_SASL_USERNAME: "grassroots-admin",
      KAFKA_SASL_PASSWORD: secretRef("grassroots-kafka", "admin-password"),
      KAFKA_SSL_CA_FILE: "/etc/grassroots/kafka-ca/ca.crt",
      KAFKA_TOPIC_PREFIX: "",
    });
    // provision-acls names User:<KAFKA_PRINCIPAL_PREFIX><subgraph>: the users the subgraphs log in as.
    for (const subgraph of SUBGRAPHS)
      expect(`${env.KAFKA_PRINCIPAL_PREFIX}${subgraph}`).toBe(
        configOf(production, subgraph).KAFKA_SASL_USERNAME,
      );
    const weight = (o: Rendered) => Number(o.metadata.annotations?.["helm.sh/hook-weight"]);
    expect(weight(find(production, "Job", "topics"))).toBeLessThan(weight(acls));
    for (const subgraph of SUBGRAPHS)
      expect(weight(acls)).toBeLessThan(weight(find(production, "Job", `${subgraph}-migrate`)));
    expect(envOf(find(production, "Job", "topics")).KAFKA_SASL_PASSWORD).toEqual(
      secretRef("grassroots-kafka", "admin-password"),
    );
  });

  it("NOTES.txt names the Secret of the passwords with its keys, and the CA's", () => {
    const notes = renderNotes({ values: [PRODUCTION_VALUES] });
    expect(notes).toContain(
      `grassroots-kafka: Kafka SCRAM passwords, keys ${[...SUBGRAPHS]
        .sort()
        .map((s) => `${s}-password, `)
        .join("")}admin-password`,
    );
    expect(notes).toContain("grassroots-kafka-ca (key ca.crt): the PEM CA of the brokers' certificates");
  });
});

describe("personnel's keys of personal data at rest", () => {
  const KEYS = ["PERSONAL_DATA_ACTIVE_KEY", "PERSONAL_DATA_HASH_KEY", "PERSONAL_DATA_KEYS"];
  const secret = "grassroots-personnel-personal-data";

  it("production values: personnel's pods and its migration Job read the three keys from the Secret, no other service", () => {
    for (const owner of [
      find(production, "Deployment", "personnel"),
      find(production, "Job", "personnel-migrate"),
    ]) {
      const env = envOf(owner);
      expect(env).toMatchObject({
        PERSONAL_DATA_KEYS: secretRef(secret, "keys"),
        PERSONAL_DATA_ACTIVE_KEY: secretRef(secret, "active-key"),
        PERSONAL_DATA_HASH_KEY: secretRef(secret, "hash-key"),
      });
    }
    const others = production.filter((o) => !["personnel", "personnel-migrate"].includes(component(o) ?? ""));
    expect(JSON.stringify(others)).not.toMatch(/PERSONAL_DATA_|personal-data/);
    expect(configOf(production, "personnel")).not.toHaveProperty("PERSONAL_DATA_KEYS");
  });

  it("default values: none (personnel's development-only keys); NOTES warns that production needs them", () => {
    const env = envOf(find(defaults, "Deployment", "personnel"));
    for (const key of KEYS) expect(env).not.toHaveProperty(key);
    expect(renderNotes()).toContain("WARNING: personalData.existingSecret is empty");
    expect(renderNotes({ values: [PRODUCTION_VALUES] })).toContain(
      `${secret} (keys keys, active-key, hash-key): personnel's keys of personal data at rest`,
    );
  });
});
