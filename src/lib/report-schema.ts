import { z } from 'astro/zod';

/**
 * The front matter of a report, field by field. Every object is strict: an
 * unknown key is almost always a typo of a known one, and a typo must stop the
 * build rather than silently drop a line of metadata.
 */

/** `YYYY-MM-DD` that names a day that exists (2022-02-30 does not). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/**
 * A calendar date written as a quoted string. YAML turns an unquoted
 * `2022-02-30` into 2 March without a word, so only strings are accepted and
 * checked here.
 */
const calendarDate = z
  .string({
    error: (issue) =>
      issue.input instanceof Date
        ? 'write the date in quotes, as "YYYY-MM-DD" (unquoted, YAML silently turns an impossible date such as 2022-02-30 into another day)'
        : 'expected a date in quotes, as "YYYY-MM-DD"',
  })
  .refine(isCalendarDate, { error: 'not a real calendar date (expected "YYYY-MM-DD")' });

const nonEmpty = z.string().trim().min(1);

export const authorSchema = z.strictObject({
  /** The name exactly as printed, whole: never split into family and given name. */
  name: nonEmpty,
  /** Institution, where the source gives it. */
  affiliation: nonEmpty.optional(),
});

export const publicationSchema = z.strictObject({
  /** `article`: a journal article; `report`: a report in an institute's series. */
  type: z.enum(['article', 'report']),
  /** The journal or series name, without 《》, e.g. 国际问题研究. */
  name: nonEmpty,
  /** Year of the issue. */
  year: z.int().min(1900).max(2100),
  /** Issue number within the year (第N期). */
  issue: z.int().positive().optional(),
  /** Date of publication, where the source prints one, as "YYYY-MM-DD" in quotes. */
  date: calendarDate.optional(),
  /**
   * The date as the source prints it (e.g. `Jun. 1 2022`), when that differs
   * from how the site writes dates: shown with the masthead lines (`imprint`),
   * labelled as printed, so nothing the source printed is lost. Readers are
   * given `date`, written 2022年6月1日 as on every page.
   */
  printedDate: nonEmpty.optional(),
  /** Publisher or institute, as printed. */
  publisher: nonEmpty.optional(),
  /** Page range in the journal, where known. */
  pages: z
    .strictObject({
      first: z.int().positive().optional(),
      last: z.int().positive().optional(),
    })
    .refine((p) => p.first === undefined || p.last === undefined || p.first <= p.last, {
      error: 'pages.first is after pages.last',
    })
    .optional(),
  /**
   * Lines of the cover or masthead, verbatim, that no other field carries
   * (e.g. the issuing team and the series' English name).
   */
  imprint: z.array(nonEmpty).optional(),
});

export const reportNoteSchema = z.strictObject({
  /** The mark the source puts on the title for this note (e.g. `*`); none for an unmarked note. */
  mark: nonEmpty.optional(),
  /** The note, verbatim. */
  text: nonEmpty,
});

export const teamSchema = z.strictObject({
  /** Team name as printed, e.g. 全球治理研究团队. */
  name: nonEmpty,
  /** Members in the printed order. */
  members: z.array(nonEmpty).min(1),
});

export const reportSchema = z.strictObject({
  /** Title exactly as printed (without any note mark such as `*`: see `notes`). */
  title: nonEmpty,
  /** Authors in the printed order. */
  authors: z.array(authorSchema).min(1),
  /** How the source labels its authors (e.g. 本期执笔); 作者 when absent. */
  authorsLabel: nonEmpty.optional(),
  /** Where the report appeared. */
  publication: publicationSchema,
  /** The abstract (提要), verbatim, one paragraph. */
  abstract: nonEmpty.optional(),
  /**
   * Notes on the report as a whole: a funding note marked on the title, or a
   * line such as 本文已发表于…. Shown under the header, in order.
   */
  notes: z.array(reportNoteSchema).optional(),
  /** The responsible editor (责任编辑), for journal articles that print one. */
  responsibleEditor: nonEmpty.optional(),
  /** Research team lists printed at the end of the report, in order. */
  teams: z.array(teamSchema).optional(),
  /** Language of the text, a BCP 47 tag; it sets `<html lang>`, on which search and typography depend. */
  lang: z.enum(['zh-CN']).default('zh-CN'),
  /** The extracted source text this report was made from, relative to `content/` (provenance; the fidelity test reads it). */
  source: z
    .string()
    .regex(/^sources\/[\w.-]+\.txt$/, { error: 'expected a path like "sources/<file>.txt"' })
    .optional(),
});

export type Report = z.infer<typeof reportSchema>;
export type Author = z.infer<typeof authorSchema>;
export type Publication = z.infer<typeof publicationSchema>;
