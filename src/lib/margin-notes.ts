/**
 * Where notes go in the margin beside the text: each as close to the line
 * that cites it as the notes before it allow. A note starts at its
 * reference's line; when the one above still runs there, it is pushed down
 * below that one (with a gap), so notes never overlap and stay in reading
 * order. Notes that would run past the end of the column are pulled back up,
 * last first, as far as the notes above leave room.
 *
 * Pure arithmetic on lengths (pixels from the top of the margin column), so
 * the browser code (src/scripts/margin-notes.ts) only measures and applies.
 */
export interface MarginNote {
  /** Where the note would like to start: its reference's line. */
  anchor: number;
  /** Its height once laid out in the margin column. */
  height: number;
}

export interface StackOptions {
  /** Space kept between one note and the next. */
  gap: number;
  /** The column's height: no note ends below it while there is room above. */
  end?: number;
}

/** The top of each note, in the order given (reading order). */
export function stackNotes(notes: readonly MarginNote[], { gap, end = Infinity }: StackOptions): number[] {
  // Down the column: each note at its anchor, or below the one before.
  const tops = pushedDown(notes, notes.map((note) => note.anchor), gap, -Infinity);
  // Up from the end: the tail pulled back inside the column.
  let limit = end;
  for (let k = notes.length - 1; k >= 0 && tops[k]! + notes[k]!.height > limit; k -= 1) {
    tops[k] = limit - notes[k]!.height;
    limit = tops[k]! - gap;
  }
  // Notes taller together than the column: none starts above it, none overlaps.
  return pushedDown(notes, tops, gap, 0);
}

function pushedDown(notes: readonly MarginNote[], wanted: readonly number[], gap: number, start: number): number[] {
  let free = start;
  return notes.map((note, k) => {
    const top = Math.max(wanted[k]!, free);
    free = top + note.height + gap;
    return top;
  });
}
