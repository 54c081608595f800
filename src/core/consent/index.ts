export * from "./consent";
