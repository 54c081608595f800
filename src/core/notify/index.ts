/** Notifications (docs/product.md F8): kinds, timing in the clinic's zone, templates, unsubscribe tokens. */
export * from "./kinds";
export * from "./policies";
export * from "./templates";
export * from "./timing";
export * from "./unsubscribe";
