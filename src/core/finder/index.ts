/** Referred-pain finder (docs/product.md F3): pure ranking, contract, validation and CLI formatting. */

export { FIND_USAGE, type FindCommandResult, runFindCommand, suggestRegionIds } from "./cli";
export {
  DEFAULT_INTENSITY,
  type FinderRequest,
  type FinderRequestInput,
  FinderRequestSchema,
  type FinderResponse,
  FinderResponseSchema,
  FinderResultSchema,
  MAX_FINDER_REGIONS,
  RegionMarkSchema,
} from "./contract";
export { FINDER_DISCLAIMER, FINDER_SCORE_NOTE, FINDER_SEE_A_DOCTOR, formatRankingTable } from "./format";
export {
  BREADTH_PENALTY,
  DEFAULT_RESULT_LIMIT,
  type FinderResult,
  type RankOptions,
  type RegionMark,
  rankMuscles,
  SPILLOVER_WEIGHT,
} from "./rank";
export {
  type FinderInputError,
  type FinderInputValidation,
  formatFieldPath,
  validateFinderInput,
} from "./validate";
