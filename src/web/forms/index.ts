export { plainMessage } from "../../core/api/plain-message";
export {
  clearField,
  type FieldErrors,
  type FormErrors,
  fieldName,
  hasErrors,
  NO_ERRORS,
  serverErrors,
  submitForm,
  validate,
} from "./form-errors";
export { useZodForm, type ZodForm, type ZodFormOptions } from "./useZodForm";
