/**
 * Whether the notes stand in the margin beside the text: report.css decides,
 * by the screen's width, and says so in a custom property of the page.
 * Read here so that no script repeats the breakpoint.
 */
export const notesBesideText = (): boolean =>
  getComputedStyle(document.documentElement).getPropertyValue('--margin-note-display').trim() === 'block';
