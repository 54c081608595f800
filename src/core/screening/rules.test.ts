import { describe, expect, it } from "vitest";
import { REGION_GROUPS } from "../body/regions";
import {
  CAUTION_RULES,
  HEALTH_HISTORY_QUESTION_IDS,
  HOLD_RULES,
  RED_FLAG_RULES,
  SCREENING_RULE_IDS,
  SCREENING_RULES,
} from "./rules";

/** Words that would turn advice into a diagnosis; they belong in the staff reason only. */
const DIAGNOSIS_WORDS = [
  "you have",
  "diagnos",
  "syndrome",
  "thrombosis",
  "embolism",
  "meningitis",
  "aneurysm",
  "haemorrhage",
  "arteritis",
  "stroke",
  "possible",
];

describe("screening rules", () => {
  it("have unique ids across holds, cautions and red flags", () => {
    expect(new Set(SCREENING_RULE_IDS).size).toBe(SCREENING_RULES.length);
  });

  it("include the conditions the product spec names", () => {
    expect(HOLD_RULES.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        "blood-clot",
        "uncontrolled-blood-pressure",
        "recent-surgery",
        "fever-or-infection",
        "recent-fracture",
      ]),
    );
    expect(CAUTION_RULES.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        "blood-thinners",
        "pregnancy",
        "cancer",
        "osteoporosis",
        "diabetes-or-neuropathy",
      ]),
    );
    expect(RED_FLAG_RULES.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        "thunderclap-headache",
        "cardiac-chest-pain",
        "cauda-equina-signs",
        "calf-clot-signs",
      ]),
    );
  });

  it.each(HOLD_RULES.map((r) => r.id))(
    "%s tells the client to talk to their doctor before trigger point massage",
    (id) => {
      const rule = HOLD_RULES.find((r) => r.id === id);
      expect(rule?.adviceForClient).toMatch(/talk to your doctor/i);
      expect(rule?.adviceForClient).toMatch(/before trigger point massage/i);
      expect(rule?.reasonForStaff).toMatch(/record a clearance/i);
    },
  );

  it.each(RED_FLAG_RULES.map((r) => r.id))("%s sends the client to a doctor now, in a few words", (id) => {
    const rule = RED_FLAG_RULES.find((r) => r.id === id);
    const advice = rule?.adviceForClient ?? "";
    if (rule?.urgency === "emergency")
      expect(advice).toMatch(/^Call 911 or your local emergency number now\./);
    else expect(advice).toMatch(/see a doctor today/i);
    expect(advice.length).toBeLessThanOrEqual(200);
  });

  it.each(SCREENING_RULES.map((r) => r.id))("%s gives client advice without naming a diagnosis", (id) => {
    const advice = SCREENING_RULES.find((r) => r.id === id)?.adviceForClient.toLowerCase() ?? "";
    for (const word of DIAGNOSIS_WORDS) expect(advice, word).not.toContain(word);
    expect(advice.length).toBeLessThanOrEqual(240);
  });

  it("phrases every rule as a yes/no question", () => {
    for (const rule of SCREENING_RULES) expect(rule.question.endsWith("?"), rule.id).toBe(true);
  });

  it("only uses region groups from the body vocabulary for red flags", () => {
    for (const rule of RED_FLAG_RULES) {
      if (rule.regionGroups === "any") continue;
      for (const group of rule.regionGroups) expect(REGION_GROUPS, rule.id).toContain(group);
    }
  });

  it("asks every rule in the health history except blood thinners and pregnancy, which have their own fields", () => {
    const elsewhere = SCREENING_RULE_IDS.filter(
      (id) => !(HEALTH_HISTORY_QUESTION_IDS as string[]).includes(id),
    );
    expect(elsewhere.sort()).toEqual(["blood-thinners", "pregnancy"]);
  });
});
