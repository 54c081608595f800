/** Treatment plans (docs/product.md F7): the suggestion rule, planned vs done and the re-assessment prompt. */
export * from "./progress";
export * from "./rule";
