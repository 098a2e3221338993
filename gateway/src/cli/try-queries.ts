import { tryQueries } from "../try/try-queries";

// Usage: node dist/cli/try-queries.js — one curl command per requirement area (suite-up.sh prints them).

const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
const lines = tryQueries().map(
  ({ area, role, query, variables }) =>
    `# ${area} (token of ${role})\n` +
    `curl -s http://127.0.0.1:4000/graphql -H 'content-type: application/json' -H "authorization: Bearer $${role}" \\\n` +
    `  -d ${quote(JSON.stringify(variables ? { query, variables } : { query }))}\n`,
);
process.stdout.write(lines.join("\n"));
