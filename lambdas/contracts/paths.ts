import { isWorld } from './world.ts';

/** Where a subject's figures live: `/states/RU/figures`, or `/world/figures` for worldwide ones. */
export const figuresPath = (subject: string): string =>
  isWorld(subject.toLowerCase()) ? '/world/figures' : `/states/${encodeURIComponent(subject)}/figures`;
