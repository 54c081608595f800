import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { createAppRouter } from "./app/App";
import { currentSession, SessionProvider } from "./auth/session";
import "./ui/global.css";

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");

// Ask who is signed in right away, alongside the first page's code and data.
void currentSession();
const router = createAppRouter();

createRoot(root).render(
  <StrictMode>
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  </StrictMode>,
);
