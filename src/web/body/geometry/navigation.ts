/**
 * Where each region of a view sits for arrow-key navigation. A view with several figures (two
 * hands, two feet, …) lays them out two to a row, as the wide-screen layout does, each scaled
 * to the same height, so "right" from a left hand's little finger reaches the right hand.
 */
import type { NavigationPoint } from "../../../core/body/neighbours";
import type { CompiledView } from "./views";

const FIGURE_HEIGHT = 1000;
const GAP = 80;
export const FIGURES_PER_ROW = 2;

export function navigationPoints(view: CompiledView): NavigationPoint[] {
  const cellWidth = Math.max(...view.figures.map((f) => (f.viewBox[2] / f.viewBox[3]) * FIGURE_HEIGHT)) + GAP;
  return view.figures.flatMap((figure, index) => {
    const [x0, y0, , height] = figure.viewBox;
    const unit = FIGURE_HEIGHT / height;
    const column = index % FIGURES_PER_ROW;
    const row = Math.floor(index / FIGURES_PER_ROW);
    return figure.regions.map((region) => ({
      key: region.key,
      x: column * cellWidth + (region.centroid[0] - x0) * unit,
      y: row * (FIGURE_HEIGHT + GAP) + (region.centroid[1] - y0) * unit,
    }));
  });
}
