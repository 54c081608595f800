/** Builds the web app, then reports each public page's first-load JavaScript (./web-size.ts). */
import { build } from "vite";
import { FIRST_LOAD_BUDGET_KB, measurePublicPages, PORTAL_PAGES } from "./web-size";

export default async function benchWebSize(): Promise<
  Array<{ name: string; value: number; unit: string; target?: string }>
> {
  await build({ logLevel: "silent" });
  return [...measurePublicPages(), ...measurePublicPages(undefined, PORTAL_PAGES)]
    .filter((size) => size.missing.length === 0)
    .flatMap((size) => [
      {
        name: `first-load JS, ${size.page} page (gzip)`,
        value: size.firstLoadKb,
        unit: "KB",
        target: `≤ ${FIRST_LOAD_BUDGET_KB} KB`,
      },
      ...(size.interactiveKb === null
        ? []
        : [
            {
              name: `all JS once interactive, ${size.page} page (gzip)`,
              value: size.interactiveKb,
              unit: "KB",
            },
          ]),
    ]);
}
