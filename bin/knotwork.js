#!/usr/bin/env node
// The `knotwork` command. It runs the compiled bundle in dist/node (bin/server-build.js), compiling it
// first when the TypeScript sources are newer, so nothing is transpiled while the program runs.
import { compiledCli } from "./server-build.js";

await import(await compiledCli());
