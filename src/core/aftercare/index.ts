/** Aftercare and the next-day soreness check-in (docs/product.md F7). */
export * from "./aftercare";
