import { describe, expect, it } from 'vitest';
import { stackNotes, type MarginNote } from '../../src/lib/margin-notes.ts';

const note = (anchor: number, height: number): MarginNote => ({ anchor, height });

/** Each note's [top, bottom], to read overlaps at a glance. */
const spans = (notes: MarginNote[], tops: number[]) => tops.map((top, k) => [top, top + notes[k]!.height]);

describe('stackNotes', () => {
  it('puts each note at its reference when they do not crowd', () => {
    expect(stackNotes([note(0, 40), note(100, 40), note(300, 10)], { gap: 8 })).toEqual([0, 100, 300]);
  });

  it('pushes a note below the one before when that one still runs at its reference, keeping the gap', () => {
    const notes = [note(0, 60), note(20, 30), note(30, 10), note(500, 10)];
    expect(spans(notes, stackNotes(notes, { gap: 8 }))).toEqual([
      [0, 60],
      [68, 98],
      [106, 116],
      [500, 510],
    ]);
  });

  it('pulls notes that would run past the end of the column back up, last first', () => {
    const notes = [note(0, 20), note(880, 50), note(900, 60)];
    expect(spans(notes, stackNotes(notes, { gap: 10, end: 1000 }))).toEqual([
      [0, 20],
      [880, 930],
      [940, 1000],
    ]);
    const crowded = [note(0, 20), note(950, 50), note(960, 50)];
    expect(spans(crowded, stackNotes(crowded, { gap: 10, end: 1000 }))).toEqual([
      [0, 20],
      [890, 940],
      [950, 1000],
    ]);
  });

  it('never overlaps nor starts above the column, even when the notes are taller together than it', () => {
    const notes = [note(0, 300), note(10, 300), note(20, 300)];
    const tops = stackNotes(notes, { gap: 10, end: 500 });
    expect(tops[0]).toBe(0);
    for (let k = 1; k < notes.length; k += 1) expect(tops[k]).toBeGreaterThanOrEqual(tops[k - 1]! + notes[k - 1]!.height + 10);
  });

  it('places nothing for no notes', () => {
    expect(stackNotes([], { gap: 8, end: 100 })).toEqual([]);
  });
});
