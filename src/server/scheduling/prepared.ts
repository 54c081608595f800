/** The prepared-statement runner moved to ../db/prepared.ts (the session lookup uses it too). */
export { executePrepared, sqlLiteral } from "../db/prepared";
