import { DEFINITIONS } from "./definitions";

/** The JSON the k6 scripts open: the definitions exactly as the Node runner reads them. */
export function k6Export(): string {
  return `${JSON.stringify(DEFINITIONS, null, 2)}\n`;
}
