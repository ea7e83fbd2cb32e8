/**
 * The story's chapters. Their boundaries are events of the dataset, so the chapters move if the data
 * does; their share of the slider is set by how much happens in them, not by how long they last.
 */
import { TIMELINE_END, TIMELINE_START } from '../time/span';
import type { ChapterId } from '../vocabulary/vocabulary';
import type { Dataset } from './dataset';

/** How finely time is shown and stepped in a chapter: months of blockade by the day, the offensive by the minute. */
export type Resolution = 'day' | 'hour' | 'minute';

export interface Chapter {
  id: string;
  title: string;
  start: number;
  end: number;
  /** Share of the slider's length, before the gaps between chapters are taken out. */
  weight: number;
  resolution: Resolution;
}

interface ChapterSpec {
  id: ChapterId;
  title: string;
  /** The event whose start begins the chapter; the first chapter begins with the timeline. */
  startsWith: string | null;
  weight: number;
  resolution: Resolution;
}

const SPECS: ChapterSpec[] = [
  { id: 'blockade', title: 'Blockade', startsWith: null, weight: 0.28, resolution: 'day' },
  { id: 'offensive', title: 'Offensive', startsWith: 'offensive', weight: 0.2, resolution: 'minute' },
  { id: 'talks', title: 'Ceasefire and talks', startsWith: 'ceasefire', weight: 0.17, resolution: 'hour' },
  { id: 'exodus', title: 'Exodus', startsWith: 'corridor-opens', weight: 0.22, resolution: 'hour' },
  { id: 'aftermath', title: 'Aftermath', startsWith: 'un-mission', weight: 0.13, resolution: 'hour' },
];

export function buildChapters(data: Pick<Dataset, 'events'>): Chapter[] {
  const startOf = (spec: ChapterSpec) => {
    if (spec.startsWith === null) return TIMELINE_START;
    const event = data.events.find((e) => e.id === spec.startsWith);
    if (!event) throw new Error(`chapters: event ${spec.startsWith} is missing from the dataset`);
    return event.start;
  };
  const starts = SPECS.map(startOf);
  return SPECS.map((spec, i) => ({
    id: spec.id,
    title: spec.title,
    start: starts[i] ?? TIMELINE_START,
    end: starts[i + 1] ?? TIMELINE_END,
    weight: spec.weight,
    resolution: spec.resolution,
  }));
}

/** The chapter containing t; times before or after the timeline belong to the first or last. */
export function chapterAt(chapters: readonly Chapter[], t: number): Chapter {
  const last = chapters[chapters.length - 1];
  if (!last) throw new Error('chapters: none');
  return chapters.find((c) => t < c.end) ?? last;
}
