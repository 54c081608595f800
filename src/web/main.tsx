import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { App } from "./app/App";
import { preloadPath } from "./app/pages";
import { SessionProvider } from "./auth/session";
import "./ui/global.css";

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");

// The page opened: its code, who is signed in and its data, all at once, before the first render.
preloadPath(window.location.href);

createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <SessionProvider>
        <App />
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
