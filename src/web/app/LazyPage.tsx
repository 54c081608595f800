import { use } from "react";
import type { PageLoader } from "./pages";

/**
 * Like React.lazy, over an import pages.ts remembers (`remember`): a module already loaded renders at
 * once, without suspending. Renders the app's pages (App.tsx) and the care pages' content
 * (plans/CarePages.tsx).
 */
export function LazyPage({ load }: { load: PageLoader }) {
  const { default: Page } = load.loaded ?? use(load());
  return <Page />;
}
