/**
 * The CSS rule of the web app (docs/design-system.md): tokens and primitives are global and live in
 * src/web/ui; everything a capability styles is a CSS Module beside its components. A global class
 * defined in two stylesheets is how one page's styles used to leak into another (the finder hid the
 * intake's radio buttons), so this fails the build when that can happen again.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const WEB = fileURLToPath(new URL("..", import.meta.url));
const GLOBAL_STYLESHEETS = ["ui/global.css", "ui/tokens.css"];

function filesUnder(dir: string, ending: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, ending);
    return entry.name.endsWith(ending) ? [path] : [];
  });
}

const rel = (path: string) => relative(WEB, path).split("\\").join("/");

/** Every selector list in a stylesheet (the text before each `{` that is not an at-rule or keyframe step). */
function selectorsOf(css: string): string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, "");
  const selectors: string[] = [];
  for (const match of text.matchAll(/([^{};]*)\{/g)) {
    const selector = (match[1] ?? "").trim();
    if (selector === "" || selector.startsWith("@") || /^(from|to|[\d.]+%)(\s*,|$)/.test(selector)) continue;
    selectors.push(selector);
  }
  return selectors;
}

const classesIn = (selector: string) =>
  [...selector.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1] as string);

/**
 * The global classes a stylesheet defines. In a plain stylesheet every class is global. In a module, a
 * selector is global only when it has no local class at all (`:global(.x) {…}`); `.local :global(.x)`
 * is scoped by its local part and defines nothing global.
 */
function globalClassesDefined(css: string, isModule: boolean): Set<string> {
  const defined = new Set<string>();
  for (const list of selectorsOf(css)) {
    for (const selector of list.split(",")) {
      if (!isModule) {
        for (const name of classesIn(selector)) defined.add(name);
        continue;
      }
      const globalParts = [...selector.matchAll(/:global\(([^)]*)\)/g)].map((m) => m[1] ?? "");
      const localPart = selector.replace(/:global\([^)]*\)/g, "");
      if (classesIn(localPart).length === 0)
        for (const part of globalParts) for (const name of classesIn(part)) defined.add(name);
    }
  }
  return defined;
}

/** The local classes a module defines (what `styles.x` may name). */
function localClassesDefined(css: string): Set<string> {
  const defined = new Set<string>();
  for (const selector of selectorsOf(css)) {
    for (const name of classesIn(selector.replace(/:global\([^)]*\)/g, ""))) defined.add(name);
  }
  return defined;
}

/** Stylesheets that define the same global class: `{ class: [files] }` for every class in more than one. */
function globalClassClashes(sheets: readonly { path: string; css: string }[]): Record<string, string[]> {
  const where = new Map<string, string[]>();
  for (const { path, css } of sheets) {
    for (const name of globalClassesDefined(css, path.endsWith(".module.css"))) {
      where.set(name, [...(where.get(name) ?? []), path]);
    }
  }
  return Object.fromEntries([...where].filter(([, files]) => files.length > 1));
}

const sheets = filesUnder(WEB, ".css").map((path) => ({ path: rel(path), css: readFileSync(path, "utf8") }));

describe("the helpers", () => {
  it("see a class defined in two plain stylesheets, and not a scoped one in a module", () => {
    expect(
      globalClassClashes([
        { path: "finder/finder.css", css: ".kw-choice input { opacity: 0; }" },
        { path: "intake/intake.css", css: "/* .kw-choice */ .kw-choice input { width: 1rem; }" },
      ]),
    ).toEqual({ "kw-choice": ["finder/finder.css", "intake/intake.css"] });
    expect(
      globalClassClashes([
        { path: "ui/global.css", css: ".kw-input { border: 0; }" },
        { path: "atlas/Atlas.module.css", css: ".search :global(.kw-input) { width: 100%; }" },
      ]),
    ).toEqual({});
    expect(
      globalClassClashes([
        { path: "ui/global.css", css: ".kw-input { border: 0; }" },
        {
          path: "atlas/Atlas.module.css",
          css: "@media (min-width: 1px) { :global(.kw-input) { width: 100%; } }",
        },
      ]),
    ).toEqual({ "kw-input": ["ui/global.css", "atlas/Atlas.module.css"] });
  });

  it("skip at-rules, keyframe steps and numbers", () => {
    expect(
      selectorsOf(
        "@media (max-width: 43.5rem) { .a { margin: 0.5rem; } } @keyframes k { from { x: 1 } 50% { x: 2 } }",
      ),
    ).toEqual([".a"]);
  });
});

describe("the web app's stylesheets", () => {
  it("are CSS Modules everywhere but the global tokens and primitives", () => {
    const plain = sheets.map((s) => s.path).filter((path) => !path.endsWith(".module.css"));
    expect(plain.sort()).toEqual([...GLOBAL_STYLESHEETS].sort());
  });

  it("define no global class in two stylesheets", () => {
    expect(globalClassClashes(sheets)).toEqual({});
  });

  it("define no global class inside a module (globals belong in ui/global.css)", () => {
    const globalsInModules = sheets
      .filter((s) => s.path.endsWith(".module.css"))
      .flatMap((s) => [...globalClassesDefined(s.css, true)].map((name) => `${s.path}: .${name}`));
    expect(globalsInModules).toEqual([]);
  });

  it("name only classes their module defines (styles.x is typed as any string, so a typo is silent)", () => {
    const unknown: string[] = [];
    for (const file of filesUnder(WEB, ".tsx")) {
      const source = readFileSync(file, "utf8");
      for (const [, binding, from] of source.matchAll(/^import (\w+) from "([^"]+\.module\.css)";$/gm)) {
        const moduleCss = readFileSync(join(file, "..", from as string), "utf8");
        const defined = localClassesDefined(moduleCss);
        for (const [, name] of source.matchAll(new RegExp(`\\b${binding}\\.(\\w+)`, "g"))) {
          if (!defined.has(name as string)) unknown.push(`${rel(file)}: ${binding}.${name}`);
        }
      }
    }
    expect(unknown).toEqual([]);
  });
});
