/**
 * One intake question, drawn from its description in core/intake (INTAKE_QUESTIONS): the form is
 * generated, never written by hand, so it cannot drift from the schema. Big targets (≥ 44 px),
 * native inputs inside fieldsets, the error under the question it belongs to.
 */
import { BodyMapQuestion } from "./BodyMapQuestion";
import { ChoiceQuestion, YesNoDetailQuestion, YesNoQuestion } from "./ChoiceQuestions";
import type { FieldProps } from "./question-parts";
import { DurationQuestion, NumberQuestion, ScaleQuestion, TextQuestion } from "./TextQuestions";

export { ScreeningNote } from "./question-parts";

/** One question, by its kind. Messages arrive in plain words (draft.ts words them with plainMessage). */
export function QuestionField(props: FieldProps) {
  switch (props.question.kind) {
    case "short-text":
    case "long-text":
      return <TextQuestion {...props} />;
    case "number":
      return <NumberQuestion {...props} />;
    case "scale":
      return <ScaleQuestion {...props} />;
    case "duration":
      return <DurationQuestion {...props} />;
    case "single-choice":
    case "multi-choice":
      return <ChoiceQuestion {...props} />;
    case "yes-no":
      return <YesNoQuestion {...props} />;
    case "yes-no-detail":
      return <YesNoDetailQuestion {...props} />;
    case "body-map":
      return <BodyMapQuestion {...props} />;
  }
}
