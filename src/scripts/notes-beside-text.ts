/**
 * Whether the notes stand in the margin beside the text: report.css decides,
 * by the screen's width, and says so in a custom property on the report.
 * Read here so that no script repeats the breakpoint.
 */
export function notesBesideText(): boolean {
  const report = document.querySelector('.report');
  return report !== null && getComputedStyle(report).getPropertyValue('--margin-note-display').trim() === 'block';
}
