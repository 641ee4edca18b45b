/**
 * Worldwide figures (the Committee's total of repatriations, experts' estimates of all DPRK workers
 * abroad and their revenue) belong to no member state. They are kept under this subject, written
 * where a state's alpha-2 would be; lower case, so no ISO code can ever collide with it.
 */
export const WORLD = 'world';

export const isWorld = (subject: string): boolean => subject === WORLD;
