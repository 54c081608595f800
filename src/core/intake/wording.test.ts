import { describe, expect, it } from "vitest";
import { INTAKE_QUESTIONS, INTAKE_SECTIONS, type IntakeQuestion } from "./questions";
import { aboutClient, CLIENT_WORDING, type IntakeWording, wordQuestion, wordSection } from "./wording";

const STAFF: IntakeWording = { to: "staff", clientName: "Anna" };

/** Every text a question shows: the question, its help, its detail prompt, its choices. */
function textsOf(question: IntakeQuestion): string[] {
  return [
    question.question,
    question.help ?? "",
    question.kind === "yes-no-detail" ? question.detailPrompt : "",
    ...("options" in question ? question.options.map((o) => o.label) : []),
  ].filter(Boolean);
}

const SECOND_OR_FIRST_PERSON = /\b(you|your|yours|yourself|you'[a-z]+|I|I'[a-z]+|me|my|myself)\b/i;

describe("the intake worded for staff about a client", () => {
  it("reads the questions about the client by name, then 'they'", () => {
    const byId = (id: string) => {
      const question = INTAKE_QUESTIONS.find((q) => q.id === id);
      if (!question) throw new Error(id);
      return wordQuestion(question, STAFF);
    };
    expect(byId("areasOfConcern").question).toBe("Where does Anna feel it?");
    expect(byId("reasonForVisit").question).toBe("What brings Anna in?");
    expect(byId("duration").question).toBe("How long has Anna had it?");
    expect(byId("pregnancy.status").question).toBe("Is Anna pregnant?");
    expect(byId("pregnancy.weeks").question).toBe("How many weeks pregnant is Anna?");
    expect(byId("healthHistory.recent-surgery").question).toBe(
      "Has Anna had an operation in the last 6 weeks, or are they still recovering from one?",
    );
    expect(byId("healthHistory.cardiac-chest-pain").question).toContain("spreads to their arm");
    expect(byId("healthHistory.new-headache-after-50").question).toMatch(/^Is Anna over 50, with a new kind/);
    expect(byId("medications.bloodThinners").help).toBe(
      "Blood thinners make bruising easier, so Anna's therapist adjusts the pressure.",
    );
    const triggers = byId("triggers");
    expect("options" in triggers && triggers.options.map((o) => o.label)).toContain(
      "Posture (how they sit or stand)",
    );
    expect(byId("healthHistory.blood-clot").kind === "yes-no-detail").toBe(true);
  });

  it("names the client in the section titles and speaks about them in the intros", () => {
    const sections = INTAKE_SECTIONS.map((s) => wordSection(s, STAFF));
    expect(sections.map((s) => s.title)).toEqual([
      "Anna's pain",
      "A few important safety questions",
      "Anna's health",
      "Medicines",
      "Pregnancy",
      "Anna's goals",
    ]);
    expect(sections[0]?.intro).toBe("Tell us what brings Anna in, in their own words.");
    expect(sections[2]?.intro).toBe(
      "These help Anna's therapist choose the right pressure and keep them safe.",
    );
  });

  it("leaves no 'you' or 'I' in any staff text, for every question and section", () => {
    for (const question of INTAKE_QUESTIONS) {
      for (const text of textsOf(wordQuestion(question, STAFF)))
        expect(text, question.id).not.toMatch(SECOND_OR_FIRST_PERSON);
    }
    for (const section of INTAKE_SECTIONS) {
      const worded = wordSection(section, STAFF);
      expect(`${worded.title} ${worded.intro}`).not.toMatch(SECOND_OR_FIRST_PERSON);
    }
  });

  it("changes only the words: ids, kinds, rules and choice values stay the client's", () => {
    for (const question of INTAKE_QUESTIONS) {
      const staff = wordQuestion(question, STAFF);
      expect({ ...staff, question: "", help: "", detailPrompt: "", options: [] }).toEqual({
        ...question,
        question: "",
        help: "",
        detailPrompt: "",
        options: [],
      });
      if ("options" in question && "options" in staff)
        expect(staff.options.map((o) => o.value)).toEqual(question.options.map((o) => o.value));
    }
  });

  it("keeps the client's own wording as written", () => {
    for (const question of INTAKE_QUESTIONS) expect(wordQuestion(question, CLIENT_WORDING)).toBe(question);
    for (const section of INTAKE_SECTIONS) expect(wordSection(section, CLIENT_WORDING)).toBe(section);
  });

  it("names the client once, whatever the name, and keeps the capital at a sentence start", () => {
    expect(aboutClient("Do you take it? Do you like it?", "Mary-Jo")).toBe(
      "Does Mary-Jo take it? Do they like it?",
    );
    expect(aboutClient("I'm not sure", "Anna")).toBe("They're not sure");
    expect(aboutClient("Has a doctor told you that you have it?", "Anna")).toBe(
      "Has a doctor told Anna that they have it?",
    );
  });
});
