export * from './lib/types';
export { scheduleMeetings } from './lib/schedule';
export { validateSchedule } from './lib/validate';
export type { Violation, ViolationCode } from './lib/validate';
export { meetingWeight } from './lib/weight';
export { needsInterpreter, SchedulingInputError } from './lib/model';
