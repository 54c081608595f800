/**
 * Initials for an avatar or a narrow calendar block: the first character of each name, as a
 * person sees it. A "character" is a grapheme cluster (Intl.Segmenter), so an emoji built from
 * several code points (🧘‍♀️, 🇫🇷, 👍🏽) or a letter with a combining accent (é as e + ◌́) stays
 * whole instead of being cut into a broken half.
 */
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

function firstGrapheme(word: string): string {
  const first = graphemes.segment(word)[Symbol.iterator]().next();
  return first.done ? "" : first.value.segment;
}

/**
 * Up to `max` initials: every word's when there are few enough, else the first words' and the
 * last one's ("Mary Ann de la Cruz" → "MC" with max 2), since the family name usually comes last.
 */
export function initials(name: string, max = 2): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const chosen = words.length <= max ? words : [...words.slice(0, max - 1), ...words.slice(-1)];
  return chosen
    .map((word) => firstGrapheme(word).toLocaleUpperCase())
    .join("")
    .normalize("NFC");
}
