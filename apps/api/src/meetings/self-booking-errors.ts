import { HttpStatus } from '@nestjs/common';
import { registerErrorCodes } from '../common/errors/error-status';
import { registerConstraintMessages } from '../common/errors/postgres-errors';

export enum SelfBookingErrorCode {
  NotEnabled = 'SELF_BOOKING_NOT_ENABLED',
  SlotTaken = 'SELF_BOOKING_SLOT_TAKEN',
  NotSettling = 'SELF_BOOKING_NOT_SETTLING',
  NotMovable = 'SELF_BOOKING_NOT_MOVABLE',
  ProposalNotFound = 'SLOT_PROPOSAL_NOT_FOUND',
  ProposalOpen = 'SLOT_PROPOSAL_OPEN',
  ProposalNotYours = 'SLOT_PROPOSAL_NOT_YOURS',
  ProposalClosed = 'SLOT_PROPOSAL_CLOSED',
}

registerErrorCodes({
  [SelfBookingErrorCode.NotEnabled]: HttpStatus.CONFLICT,
  [SelfBookingErrorCode.SlotTaken]: HttpStatus.CONFLICT,
  [SelfBookingErrorCode.NotSettling]: HttpStatus.CONFLICT,
  [SelfBookingErrorCode.NotMovable]: HttpStatus.CONFLICT,
  [SelfBookingErrorCode.ProposalNotFound]: HttpStatus.NOT_FOUND,
  [SelfBookingErrorCode.ProposalOpen]: HttpStatus.CONFLICT,
  [SelfBookingErrorCode.ProposalNotYours]: HttpStatus.FORBIDDEN,
  [SelfBookingErrorCode.ProposalClosed]: HttpStatus.CONFLICT,
});

registerConstraintMessages({
  slot_proposals_one_open: {
    status: HttpStatus.CONFLICT,
    code: SelfBookingErrorCode.ProposalOpen,
    message: 'this meeting already has an open slot proposal; it must be answered first',
  },
});
