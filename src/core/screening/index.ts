export * from "./clearance";
export * from "./red-flag-questions";
export * from "./rules";
export * from "./screen";
