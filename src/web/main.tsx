import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { App } from "./app/App";
import { preloadPath } from "./app/pages";
import { SessionProvider } from "./auth/session";
import "./ui/global.css";

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");

// The page opened: its code, who is signed in and its data, all at once. The first render waits
// (briefly) for the page's code, so it shows the page rather than a "Loading…" that React would
// then keep on screen a while longer.
const FIRST_RENDER_WAITS_AT_MOST_MS = 300;
void Promise.race([
  preloadPath(window.location.href),
  new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAITS_AT_MOST_MS)),
]).then(() =>
  createRoot(root).render(
    <StrictMode>
      <BrowserRouter>
        <SessionProvider>
          <App />
        </SessionProvider>
      </BrowserRouter>
    </StrictMode>,
  ),
);
