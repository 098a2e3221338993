import {
  consumerOf,
  handle,
  InboxEventHashes1765000000000,
  OutboxTraceContext1765300000000,
  OrgUnitCreated,
  OutboxAndInbox1764100000000,
} from "@grassroots/events";
import { createDataSource } from "@grassroots/kit";
import { forbidden } from "@grassroots/kit/errors";
import { checkPageSize } from "@grassroots/kit/validation";
import { GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from "graphql";
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from "typeorm";
import { identityAt, startSubgraphHarness, unitState, type SubgraphHarness } from "../src";

class NoteTable1764100000001 implements MigrationInterface {
  name = "NoteTable1764100000001";
  up = (q: QueryRunner) => q.query(`CREATE TABLE note (id text PRIMARY KEY, text text NOT NULL)`);
  down = (q: QueryRunner) => q.query(`DROP TABLE note`);
}

const notesDataSource = (url: string, poolSize: number) =>
  createDataSource({
    url,
    poolSize,
    entities: [],
    migrations: [
      OutboxAndInbox1764100000000,
      InboxEventHashes1765000000000,
      OutboxTraceContext1765300000000,
      NoteTable1764100000001,
    ],
    applicationName: "notes-test",
  });

/** A tiny service: a mutation that writes, one that is refused, a consumer with a domain transaction. */
function notesSchema(dataSource: DataSource): GraphQLSchema {
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: "Query",
      fields: {
        hello: { type: GraphQLString, resolve: () => (checkPageSize(undefined) === 50 ? "hi" : "?") },
      },
    }),
    mutation: new GraphQLObjectType({
      name: "Mutation",
      fields: {
        addNote: {
          type: GraphQLString,
          args: { id: { type: new GraphQLNonNull(GraphQLString) } },
          resolve: async (_root, { id }: { id: string }) => {
            await dataSource.query(`INSERT INTO note (id, text) VALUES ($1, 'x')`, [id]);
            return id;
          },
        },
        refuse: {
          type: GraphQLString,
          resolve: () => {
            throw forbidden("Only a city admin may do this.");
          },
        },
      },
    }),
  });
}

interface NotesTx {
  note(id: string, text: string): Promise<void>;
}
const notesTx = (manager: EntityManager): NotesTx => ({
  note: async (id, text) => {
    await manager.query(`INSERT INTO note (id, text) VALUES ($1, $2)`, [id, text]);
  },
});

describe("startSubgraphHarness", () => {
  let h: SubgraphHarness<{ schema: GraphQLSchema; extra: number }>;
  afterAll(() => h?.stop());

  it("#9: serves the subgraph on a migrated throwaway database; expectRefused checks the code and that nothing was written", async () => {
    h = await startSubgraphHarness({
      name: "notes",
      createDataSource: notesDataSource,
      wire: async (dataSource) => ({ schema: notesSchema(dataSource), extra: 42 }),
      tables: ["note"],
    });
    expect(h.wiring.extra).toBe(42);
    expect(h.topicPrefix).toBe("");
    const statements = await h.queries.count(async () => {
      expect((await h.call(`{ hello }`)).data).toEqual({ hello: "hi" });
    });
    expect(statements).toEqual([]);
    const message = await h.expectRefused("FORBIDDEN", () =>
      h.call(`mutation { refuse }`, {}, identityAt("BANNER_ADMIN", "150621000000")),
    );
    expect(message).toBe("Only a city admin may do this.");
    // A call that writes is not a refusal: expectRefused fails on the changed table.
    await expect(
      h.expectRefused("FORBIDDEN", async () => {
        await h.call(`mutation { addNote(id: "n-1") }`);
        return { status: 200, errors: [{ message: "pretend", extensions: { code: "FORBIDDEN" } }] };
      }),
    ).rejects.toThrow();
    const before = await h.fingerprint();
    await h.call(`mutation { addNote(id: "n-2") }`);
    expect(await h.fingerprint()).not.toBe(before);
    await h.stop();
    await expect(h.call(`{ hello }`)).rejects.toThrow();
  });

  it("#9: with kafka, runs the service's consumers on topics of its own and publishes like another service", async () => {
    h = await startSubgraphHarness({
      name: "notes",
      createDataSource: notesDataSource,
      kafka: true,
      tables: ["note"],
      wire: async (dataSource) => ({
        schema: notesSchema(dataSource),
        extra: 1,
        consumers: [
          consumerOf("notes", notesTx, [
            handle(OrgUnitCreated, async (event, tx) => {
              await tx.note(event.data.id, event.data.name);
            }),
          ]),
        ],
      }),
    });
    expect(h.topicPrefix).toMatch(/^no-.+\.$/);
    const unit = unitState(null, "150600000000", "鄂尔多斯市", "CITY");
    const id = await h.publish(OrgUnitCreated, unit);
    await h.handled(id);
    expect(await h.dataSource.query(`SELECT id, text FROM note`)).toEqual([
      { id: unit.id, text: "鄂尔多斯市" },
    ]);
    // Redelivered (same ce_id): the inbox makes it a no-op.
    await h.publish(OrgUnitCreated, unit, { id });
    const marker = unitState(null, "150700000000", "另一市", "CITY");
    await h.handled(await h.publish(OrgUnitCreated, marker));
    expect(await h.dataSource.query(`SELECT count(*)::int AS n FROM note`)).toEqual([{ n: 2 }]);
    await h.flushOutbox();
  });
});
