/**
 * Consultation and session charting (docs/product.md F6): posture findings and movement tests as
 * data, and the pure rules of a chart (pain, holds, amendments, which muscles to offer, the client's
 * summary). No I/O: shared by the server, the web app and tests. The web app's hold timer lives in
 * ./hold-timer.ts.
 */
export * from "./amendments";
export * from "./chart";
export * from "./client-summary";
export * from "./holds";
export * from "./movement-tests";
export * from "./muscles-at";
export * from "./pain";
export * from "./posture";
