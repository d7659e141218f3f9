/**
 * Text from a profile (function, file and test names) is the code under test's to choose:
 * on a terminal or in a CI log an escape sequence in it could recolour, move the cursor,
 * retitle the window or fake a line of ours. Here it becomes one line of plain characters.
 * A leaf module, so every layer that prints (collect's summary, render's text) shares it.
 */

/** ESC-introduced sequences (CSI `ESC [ ... final`, OSC `ESC ] ... BEL|ST`, two-byte ESC x). */
// eslint-disable-next-line no-control-regex
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;
// C0 and C1 controls, DEL, and the bidirectional overrides that reorder what a reader sees.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** One line (line breaks as spaces), no escape sequences, no control or bidi characters; tabs kept. */
export function plainLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}
