export * from "./chronicity";
export * from "./fields";
export * from "./missing";
export * from "./questions";
export * from "./schema";
export * from "./wording";
