/**
 * The archive's reports in shards: consecutive runs of reports, each indexed
 * by Pagefind on its own, one after another, so the indexer's memory is
 * bounded by a shard and its time grows with the archive, not faster
 * (Pagefind's writing step grows about as n^1.4 in the records of one
 * index; ../shared/notes/scale-research.md).
 *
 * Reports are numbered 0, 1, 2 … in the order the build is given them (the
 * archive order; ties in ranking keep it), and a shard holds the numbers
 * from its first to the next shard's first. Each shard is a Pagefind index
 * under its own language code, so Pagefind's page ids (which start with the
 * language) never collide across shards: `und-x-s3_0a1b2c3` is a page of
 * shard 3. Shard 0 is written at the bundle's root, beside Pagefind's
 * script and WebAssembly; shard k > 0 in the sub-directory sk/, merged into
 * the search with Pagefind's `mergeIndex`. Beside each shard's index,
 * ids.json lists its page ids in report order.
 */

/**
 * Pagefind words (characters, with section marks) per shard at most.
 * Pagefind 1.6's indexer holds about 300 bytes per word of the real
 * reports, plus about 0.35 GB: in the site's build of 1,000 reports
 * (npm run bench:site) it peaked at 2.21 GiB with 6 million words a shard
 * and 1.59 GiB with 4 million, in the same build time. Four million keeps
 * it well under the 2 GB the indexer may use at any archive size.
 */
export const SHARD_WORDS = 4_000_000;

/** Pagefind's language code for shard k: BCP 47 "undetermined", with a private-use tag naming the shard. */
export function shardLanguage(shard: number): string {
  return `und-x-s${shard}`;
}

/** Where shard k's files live, relative to the Pagefind bundle's root: '' for shard 0, 'sk/' for the others. */
export function shardDirectory(shard: number): string {
  return shard === 0 ? '' : `s${shard}/`;
}

const PAGE_ID = /^und-x-s(\d+)_/;

/** The shard a Pagefind page id belongs to. */
export function shardOfPage(id: string): number {
  const match = PAGE_ID.exec(id);
  if (!match) throw new Error(`not a page id of this index: ${id}`);
  return Number(match[1]);
}

/**
 * Decides where shards end, report by report: a report goes into the open
 * shard unless that would take it past `limit` words (a report larger than
 * the limit gets a shard of its own).
 */
export class ShardPlan {
  #words = 0;
  #reports = 0;
  readonly limit: number;

  constructor(limit: number = SHARD_WORDS) {
    this.limit = limit;
  }

  /** True if the open shard must be closed before a report of `words` words. */
  closesBefore(words: number): boolean {
    return this.#reports > 0 && this.#words + words > this.limit;
  }

  add(words: number) {
    this.#words += words;
    this.#reports++;
  }

  close() {
    this.#words = 0;
    this.#reports = 0;
  }

  get reports(): number {
    return this.#reports;
  }
}

/**
 * Report numbers of one shard's Pagefind pages: `ids` are its page ids in
 * report order (written by the build beside the bundle), `first` the number
 * of its first report.
 */
export function reportNumbers(ids: readonly string[], first: number): Map<string, number> {
  return new Map(ids.map((id, index) => [id, first + index]));
}
