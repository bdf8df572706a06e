/**
 * Where the reports live, relative to the project root. Tests that prove a
 * broken report stops the build point `REPORTS_DIR` at a fixture folder
 * instead; nothing else should set it.
 */
export const REPORTS_BASE: string = process.env['REPORTS_DIR'] ?? './content/reports';
