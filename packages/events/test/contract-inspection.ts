import { personalDataKeys } from "@grassroots/kit";
export { allContracts } from "../src";

/** Property names in a JSON schema that are personal data. */
export function personalDataKeysIn(schema: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    const props = (node as { properties?: Record<string, unknown> }).properties;
    if (props) for (const key of Object.keys(props)) if (personalDataKeys.includes(key)) found.push(key);
    for (const value of Object.values(node)) visit(value);
  };
  visit(schema);
  return found;
}
