/**
 * The series colours of every chart, in order: the Okabe-Ito palette, told apart by people
 * with the common colour-vision deficiencies, reordered so the first three (blue, orange,
 * bluish green) also differ in lightness when printed in grey.
 */
export const SERIES_COLOURS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
] as const;

/** The one font stack of the reports: fonts already on the reader's machine, none fetched. */
export const FONT_STACK =
  'system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif';
