#!/usr/bin/env node
// The `knotwork` command. The source is TypeScript, run through tsx's loader (no separate compile step).
import { register } from "tsx/esm/api";

register();
await import("../src/cli.ts");
