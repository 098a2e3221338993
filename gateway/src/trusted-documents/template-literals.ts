/** A template literal of a TypeScript source: its text, and whether it has `${…}` parts. */
export interface TemplateLiteral {
  text: string;
  interpolated: boolean;
}

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", "`": "`", $: "$", "\\": "\\" };

/**
 * The template literals of a TypeScript source, found by a small scanner that skips comments and
 * quoted strings (a backtick in a doc comment must not start one). Regular-expression literals are
 * not recognised: a source with a backtick or quote inside one would confuse it, which is why the
 * collector also checks that every operation named in the sources was found.
 */
export function templateLiterals(source: string): TemplateLiteral[] {
  const found: TemplateLiteral[] = [];
  let i = 0;
  const endOf = (marker: string, from: number) => {
    const at = source.indexOf(marker, from);
    return at < 0 ? source.length : at + marker.length;
  };
  const quotedEnd = (from: number, quote: string) => {
    let j = from + 1;
    while (j < source.length && source[j] !== quote && source[j] !== "\n") j += source[j] === "\\" ? 2 : 1;
    return j + 1;
  };
  // i is just past the opening backtick; returns past the closing one.
  const scanTemplate = (): TemplateLiteral => {
    let text = "";
    let interpolated = false;
    while (i < source.length) {
      const c = source[i];
      if (c === "\\") {
        const next = source[i + 1];
        text += ESCAPES[next] ?? next;
        i += 2;
      } else if (c === "`") {
        i++;
        return { text, interpolated };
      } else if (c === "$" && source[i + 1] === "{") {
        interpolated = true;
        i += 2;
        scanCode(true);
        text += "${…}";
      } else {
        text += c;
        i++;
      }
    }
    throw new Error("unterminated template literal");
  };
  // Code: top level (every literal found is kept), or inside `${…}` until its closing brace.
  const scanCode = (insidePlaceholder: boolean) => {
    let depth = 0;
    while (i < source.length) {
      const c = source[i];
      if (c === "/" && source[i + 1] === "/") i = endOf("\n", i);
      else if (c === "/" && source[i + 1] === "*") i = endOf("*/", i + 2);
      else if (c === '"' || c === "'") i = quotedEnd(i, c);
      else if (c === "`") {
        i++;
        const literal = scanTemplate();
        if (!insidePlaceholder) found.push(literal);
      } else if (c === "{") {
        depth++;
        i++;
      } else if (c === "}") {
        i++;
        if (insidePlaceholder && depth === 0) return;
        depth--;
      } else i++;
    }
  };
  scanCode(false);
  return found;
}
