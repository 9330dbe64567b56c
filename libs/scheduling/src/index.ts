export * from './lib/types';
export { scheduleMeetings } from './lib/schedule';
export { validateSchedule } from './lib/validate';
export type { Violation, ViolationCode } from './lib/validate';
export { meetingWeight } from './lib/weight';
export { checkPins, needsInterpreter, PinConflictError, SchedulingInputError } from './lib/model';
export type { PinConflict, PinRule } from './lib/model';
export { loadMipSolver } from './lib/mip';
export type { MipSolver } from './lib/mip';
