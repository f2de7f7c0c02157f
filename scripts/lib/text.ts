/** URL slug: "River’s Edge" → "rivers-edge", "We Are the Best!" → "we-are-the-best". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The key two spellings of one artist share: case, a leading "The", "&" vs "and",
 * punctuation and accents do not tell artists apart ("The Ramones" = "Ramones").
 */
export function artistKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The key of a genre tag: case, hyphen vs space and "&" vs "and" do not matter ("Hip-Hop" = "hip hop"). */
export function genreKey(tag: string): string {
  return tag
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[-_/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
