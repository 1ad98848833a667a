import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// One spacing, type and colour scale: the tokens live in styles.css (`:root`); every other rule, in every
// CSS file of the web app, uses them instead of its own lengths and colours. Print rules (@media print,
// @page) are measured in points and millimetres on purpose and are left out.

const webRoot = join(import.meta.dirname);
const tokensFile = "styles.css";

function cssFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return cssFiles(path);
    return entry.name.endsWith(".css") ? [path] : [];
  });
}

type Declaration = { file: string; line: number; selector: string; property: string; value: string };

/** Every declaration in a stylesheet, with the selector and at-rules around it. */
function declarations(file: string): Declaration[] {
  const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, (comment) =>
    comment.replace(/[^\n]/g, " "),
  );
  const found: Declaration[] = [];
  const blocks: string[] = [];
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char !== "{" && char !== "}" && char !== ";") continue;
    const chunk = text.slice(start, index);
    if (char === "{") blocks.push(chunk.trim().replace(/\s+/g, " "));
    else {
      const colon = chunk.indexOf(":");
      if (colon > 0 && chunk.trim()) {
        const line = text.slice(0, start + chunk.search(/\S/)).split("\n").length;
        found.push({
          file: relative(webRoot, file),
          line,
          selector: blocks.join(" > "),
          property: chunk.slice(0, colon).trim().toLowerCase(),
          value: chunk.slice(colon + 1).trim(),
        });
      }
      if (char === "}") blocks.pop();
    }
    start = index + 1;
  }
  return found;
}

const all = cssFiles(webRoot).flatMap(declarations);
const isTokenDefinition = (d: Declaration) => d.file === tokensFile && d.property.startsWith("--");
const isPrint = (d: Declaration) => /@media print|@page/.test(d.selector);
const checked = all.filter((d) => !isTokenDefinition(d) && !isPrint(d));
const where = (d: Declaration) => `${d.file}:${d.line} ${d.property}: ${d.value}`;

const rawColour =
  /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(|(?<![\w-])(?:white|black|red|green|blue|gray|grey|silver|orange|yellow|purple|navy|teal|maroon)(?![\w-])/i;
const spacingProperty =
  /^(?:margin|padding)(?:-(?:top|right|bottom|left|inline|block)(?:-(?:start|end))?)?$|^(?:row-|column-)?gap$/;
const length = /-?\d*\.?\d+(?:px|rem|em|pt|pc|mm|cm|in|ch|ex|vh|vw|%)/g;

describe("the design scale", () => {
  it("finds the stylesheets", () => {
    expect(all.length).toBeGreaterThan(1000);
    expect(checked.some((d) => d.file.startsWith("features/"))).toBe(true);
  });

  it("colours come from the colour tokens", () => {
    expect(checked.filter((d) => rawColour.test(d.value)).map(where)).toEqual([]);
  });

  it("margins, paddings and gaps come from the spacing scale (--space-*)", () => {
    const off = checked.filter((d) => {
      if (!spacingProperty.test(d.property)) return false;
      const rest = d.value.replace(/var\(--space-[\w-]+\)/g, "");
      // A hairline (1px, e.g. a visually hidden element's -1px margin) is not a step of the scale.
      return (rest.match(length) ?? []).some((value) => !/^-?1px$/.test(value));
    });
    expect(off.map(where)).toEqual([]);
  });

  it("font sizes come from the type scale (--text-*)", () => {
    const off = checked.filter(
      (d) => d.property === "font-size" && !/^(?:var\(--text-[\w-]+\)|inherit)$/.test(d.value),
    );
    expect(off.map(where)).toEqual([]);
  });

  it("every token a rule uses is defined", () => {
    const defined = new Set(all.filter(isTokenDefinition).map((d) => d.property));
    const local = new Set(all.filter((d) => d.property.startsWith("--")).map((d) => d.property));
    const missing = all.flatMap((d) =>
      [...d.value.matchAll(/var\((--(?:space|text|color)-[\w-]+)\)/g)]
        .map((match) => match[1] ?? "")
        .filter((token) => !defined.has(token) && !local.has(token))
        .map((token) => `${where(d)} (${token})`),
    );
    expect(missing).toEqual([]);
  });
});
