export * from "./bundle";
export * from "./codes";
export * from "./ids";
export * from "./record";
export * from "./references";
