/**
 * The home-care handout as a PDF (F7; docs/decisions/0015-pdf-handout.md): clinic name, the client's
 * name, the date, then each self-treatment with a small body figure shading where to work, its steps
 * and cautions, then the general items and the safety rules. Real text (pdfkit's standard fonts), so
 * it can be read aloud, searched and copied.
 *
 * The figure reuses the body map's vector geometry (src/web/body/geometry: pure data, compiled once):
 * the front or back silhouette, with the regions of the muscle's body area shaded, on the side treated.
 */
import PDFDocument from "pdfkit";
import type { HomeCarePlan } from "../../core/api/plans";
import { muscleById } from "../../core/atlas";
import { regionById } from "../../core/body/regions";
import { type HomeCareItem, toolWords } from "../../core/homecare";
import type { CompiledFigure } from "../../web/body/geometry/figure";
import { compiledView } from "../../web/body/geometry/views";

export interface HandoutInput {
  clinicName: string;
  clinicPhone: string | null;
  plan: HomeCarePlan;
  /** The day printed on the handout, e.g. "December 3, 2026" (the clinic's zone). */
  dateText: string;
  /** Sides each muscle was treated on ("left", "right", "both"); absent = both. */
  sides?: ReadonlyMap<string, ReadonlySet<string>>;
}

const INK = "#1f2a2e";
const MUTED = "#5b676b";
const ACCENT = "#b4532a";
const BODY_FILL = "#e9e4de";
const BODY_STROKE = "#9aa3a6";
const PAGE_MARGIN = 50;
const FIGURE_HEIGHT = 150;
const FIGURE_GAP = 16;

/**
 * pdfkit's standard fonts encode WinAnsi only; characters beyond it would print as garbage, so the
 * few the atlas and therapists use are spelled in characters it has.
 */
export function pdfSafe(text: string): string {
  return text
    .replace(/[\u2010-\u2012\u2212]/g, "-")
    .replace(/\u2264/g, "<=")
    .replace(/\u2265/g, ">=")
    .replace(/\u2192/g, "->")
    .replace(
      /[^\t\n\r\u0020-\u007e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]/g,
      "",
    );
}

interface FigureChoice {
  figure: CompiledFigure;
  shaded: string[];
}

/**
 * Muscles worked from behind: the figure is drawn from the back for these, from the front for the
 * rest. The atlas has no "which side of the body" field, and a region group alone cannot tell (the
 * neck group holds both the SCM at the front and the levator at the back).
 */
const WORKED_FROM_BEHIND: ReadonlySet<string> = new Set([
  "upper-trapezius",
  "middle-trapezius",
  "lower-trapezius",
  "levator-scapulae",
  "suboccipitals",
  "splenius-capitis",
  "splenius-cervicis",
  "supraspinatus",
  "infraspinatus",
  "teres-minor",
  "teres-major",
  "latissimus-dorsi",
  "serratus-posterior-superior",
  "rhomboids",
  "triceps-brachii",
  "quadratus-lumborum",
  "iliocostalis-thoracis",
  "iliocostalis-lumborum",
  "longissimus-thoracis",
  "multifidi",
  "gluteus-maximus",
  "gluteus-medius",
  "gluteus-minimus",
  "piriformis",
  "hamstrings-medial",
  "biceps-femoris",
  "gastrocnemius",
  "soleus",
  "tibialis-posterior",
  "long-toe-flexors",
]);

/** The figure for a muscle (back or front) with the regions of its body area shaded on the treated side. */
export function figureFor(muscleId: string | null, sides: ReadonlySet<string> | undefined): FigureChoice {
  const front = compiledView("front").figures[0] as CompiledFigure;
  const back = compiledView("back").figures[0] as CompiledFigure;
  const muscle = muscleId ? muscleById(muscleId) : undefined;
  if (!muscle) return { figure: front, shaded: [] };
  const wantSide = (side: string | null) =>
    side === null || !sides || sides.size === 0 || sides.has("both") || sides.has(side);
  const shadedOn = (figure: CompiledFigure) =>
    figure.regions
      .filter((r) => {
        const region = regionById(r.regionId);
        return region?.type.group === muscle.group && wantSide(region.side);
      })
      .map((r) => r.d);
  const [first, second] = WORKED_FROM_BEHIND.has(muscle.id) ? [back, front] : [front, back];
  const shaded = shadedOn(first);
  if (shaded.length > 0) return { figure: first, shaded };
  return { figure: second, shaded: shadedOn(second) };
}

/** Points closer than this (in figure units, about 0.5 pt on the page) add nothing at handout size. */
const MIN_STEP = 3;
const opsCache = new Map<string, string>();

/**
 * An SVG path of the body map (only M, L and Z: `polygonsToPath`) as PDF path operators, with points
 * closer than MIN_STEP dropped. pdfkit's own SVG parser takes ~100 ms on one body outline (50 KB of
 * path), and the handout has one figure per muscle, so this is what keeps a handout fast and small.
 */
export function pathOps(d: string): string {
  const cached = opsCache.get(d);
  if (cached !== undefined) return cached;
  const out: string[] = [];
  for (const polygon of d.split("Z")) {
    const body = polygon.trim();
    if (!body.startsWith("M")) continue;
    const points = body
      .slice(1)
      .split("L")
      .map((pair) => pair.trim().split(/\s+/).map(Number) as [number, number]);
    let last: [number, number] | null = null;
    let count = 0;
    points.forEach((point, index) => {
      const [x, y] = point;
      if (!Number.isFinite(x) || !Number.isFinite(y)) return;
      const isLast = index === points.length - 1;
      if (last && !isLast && Math.hypot(x - last[0], y - last[1]) < MIN_STEP) return;
      out.push(`${Math.round(x)} ${Math.round(y)} ${count === 0 ? "m" : "l"}`);
      last = point;
      count++;
    });
    if (count > 0) out.push("h");
  }
  const ops = out.join("\n");
  opsCache.set(d, ops);
  return ops;
}

function drawFigure(doc: PDFKit.PDFDocument, choice: FigureChoice, x: number, y: number): number {
  const [vx, vy, vw, vh] = choice.figure.viewBox;
  const scale = FIGURE_HEIGHT / vh;
  const silhouette = pathOps(choice.figure.silhouette);
  doc.save();
  doc.translate(x, y).scale(scale).translate(-vx, -vy);
  doc.fillColor(BODY_FILL);
  doc.addContent(silhouette).fill();
  doc.fillColor(ACCENT);
  for (const d of choice.shaded) doc.addContent(pathOps(d)).fill();
  doc.lineWidth(1.2 / scale).strokeColor(BODY_STROKE);
  doc.addContent(silhouette).stroke();
  doc.restore();
  return vw * scale;
}

function holdText(item: HomeCareItem): string | null {
  if (!item.holdSeconds) return null;
  const [min, max] = item.holdSeconds;
  return min === max ? `hold ${min} seconds` : `hold ${min}-${max} seconds`;
}

/** Lines of one self-treatment block after the title, as [label, text]. */
function selfTreatmentLines(item: HomeCareItem): [string, string][] {
  const lines: [string, string][] = [];
  const what = [item.tool ? `Use: ${toolWords(item.tool)}` : null, holdText(item), item.frequency || null]
    .filter(Boolean)
    .join("  |  ");
  if (what) lines.push(["", what]);
  if (item.how) lines.push(["Steps: ", item.how]);
  if (item.stretch) lines.push(["Stretch: ", item.stretch]);
  for (const caution of item.cautions) lines.push(["Caution: ", caution]);
  return lines;
}

function ensureRoom(doc: PDFKit.PDFDocument, needed: number): void {
  const bottom = doc.page.height - PAGE_MARGIN;
  if (doc.y + needed > bottom) doc.addPage();
}

/** Renders the handout; resolves with the PDF bytes. */
export function renderHomeCarePdf(input: HandoutInput): Promise<Buffer> {
  const { plan } = input;
  const doc = new PDFDocument({
    size: "LETTER",
    margin: PAGE_MARGIN,
    info: {
      Title: pdfSafe(`Home care plan for ${plan.clientName}`),
      Author: pdfSafe(input.clinicName),
      Subject: "Home care handout",
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width - 2 * PAGE_MARGIN;

  doc.font("Helvetica-Bold").fontSize(20).fillColor(INK).text(pdfSafe(input.clinicName));
  doc.moveDown(0.2);
  doc
    .font("Helvetica")
    .fontSize(13)
    .fillColor(INK)
    .text(pdfSafe(`Home care plan for ${plan.clientName}`));
  doc.font("Helvetica").fontSize(10).fillColor(MUTED).text(pdfSafe(input.dateText));
  doc.moveDown(0.6);
  doc
    .fontSize(10)
    .fillColor(INK)
    .text(
      "Do these between sessions. Press on each spot with the tool named, breathe slowly, and hold for the time given; then do the stretch. Shaded areas on each figure show where to work.",
      { width },
    );
  doc.moveDown(0.8);

  const selfItems = plan.items.filter((i) => i.kind === "self-treatment");
  const otherItems = plan.items.filter((i) => i.kind !== "self-treatment");
  if (selfItems.length > 0) {
    doc.font("Helvetica-Bold").fontSize(14).fillColor(ACCENT).text("Self-treatment and stretches");
    doc.moveDown(0.4);
  }
  for (const item of selfItems) {
    const choice = figureFor(item.muscleId, item.muscleId ? input.sides?.get(item.muscleId) : undefined);
    const [, , vw, vh] = choice.figure.viewBox;
    const figureWidth = (vw * FIGURE_HEIGHT) / vh;
    const textX = PAGE_MARGIN + figureWidth + FIGURE_GAP;
    const textWidth = width - figureWidth - FIGURE_GAP;
    const lines = selfTreatmentLines(item);
    doc.font("Helvetica-Bold").fontSize(12);
    let textHeight = doc.heightOfString(pdfSafe(item.title), { width: textWidth }) + 4;
    doc.font("Helvetica").fontSize(10);
    for (const [label, text] of lines)
      textHeight += doc.heightOfString(pdfSafe(label + text), { width: textWidth }) + 3;
    ensureRoom(doc, Math.min(Math.max(textHeight, FIGURE_HEIGHT) + 12, doc.page.height - 2 * PAGE_MARGIN));
    const top = doc.y;
    drawFigure(doc, choice, PAGE_MARGIN, top);
    doc
      .font("Helvetica-Bold")
      .fontSize(12)
      .fillColor(INK)
      .text(pdfSafe(item.title), textX, top, { width: textWidth });
    doc.moveDown(0.2);
    for (const [label, text] of lines) {
      if (label) {
        doc
          .font("Helvetica-Bold")
          .fontSize(10)
          .fillColor(label === "Caution: " ? ACCENT : INK);
        doc.text(label, textX, doc.y, { width: textWidth, continued: true });
        doc.font("Helvetica").fillColor(INK).text(pdfSafe(text));
      } else {
        doc
          .font("Helvetica")
          .fontSize(10)
          .fillColor(MUTED)
          .text(pdfSafe(text), textX, doc.y, { width: textWidth });
      }
      doc.moveDown(0.15);
    }
    doc.x = PAGE_MARGIN;
    doc.y = Math.max(doc.y, top + FIGURE_HEIGHT) + 14;
  }

  if (otherItems.length > 0) {
    ensureRoom(doc, 60);
    doc
      .font("Helvetica-Bold")
      .fontSize(14)
      .fillColor(ACCENT)
      .text("Every day", PAGE_MARGIN, doc.y, { width });
    doc.moveDown(0.3);
    for (const item of otherItems) {
      ensureRoom(doc, 40);
      doc
        .font("Helvetica-Bold")
        .fontSize(11)
        .fillColor(INK)
        .text(pdfSafe(item.title), PAGE_MARGIN, doc.y, { width });
      const body = [item.how, item.frequency ? `(${item.frequency})` : ""].filter(Boolean).join(" ");
      doc.font("Helvetica").fontSize(10).fillColor(INK).text(pdfSafe(body), { width });
      if (item.stretch) doc.text(pdfSafe(`Stretch: ${item.stretch}`), { width });
      for (const caution of item.cautions)
        doc.fillColor(ACCENT).text(pdfSafe(`Caution: ${caution}`), { width });
      doc.moveDown(0.4);
    }
  }

  ensureRoom(doc, 80);
  doc.moveDown(0.4);
  doc.font("Helvetica-Bold").fontSize(12).fillColor(INK).text("Safety first", PAGE_MARGIN, doc.y, { width });
  doc.font("Helvetica").fontSize(9.5).fillColor(INK);
  for (const rule of plan.generalCautions) doc.text(pdfSafe(`\u2022 ${rule}`), { width });
  doc.moveDown(0.4);
  const phone = input.clinicPhone ? ` on ${input.clinicPhone}` : "";
  doc
    .fontSize(9.5)
    .fillColor(MUTED)
    .text(pdfSafe(`Questions? Call ${input.clinicName}${phone}. In an emergency call 911.`), { width });
  doc.end();
  return done;
}
