#!/usr/bin/env node
// The `knotwork` command. It runs the compiled script in dist/node (bin/server-build.js), compiling it
// first when the TypeScript sources are newer, so nothing is transpiled while the program runs.
import { runCompiled } from "./run-compiled.js";
import { compiledCli } from "./server-build.js";

runCompiled(await compiledCli());
