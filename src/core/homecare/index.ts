/** Home-care plans (docs/product.md F7): built from the treated muscles, edited by the therapist. */
export * from "./builder";
