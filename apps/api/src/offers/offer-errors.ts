import { HttpStatus } from '@nestjs/common';
import { registerErrorCodes } from '../common/errors/error-status';
import { registerConstraintMessages } from '../common/errors/postgres-errors';

export enum OfferErrorCode {
  NotFound = 'OFFER_NOT_FOUND',
  NotYours = 'OFFER_NOT_YOURS',
  WrongStatus = 'OFFER_WRONG_STATUS',
  SecondLanguageMissing = 'OFFER_SECOND_LANGUAGE_MISSING',
  InvestmentRange = 'OFFER_INVESTMENT_RANGE',
  OnlyJinanCompanies = 'OFFER_ONLY_JINAN_COMPANIES',
}

registerErrorCodes({
  [OfferErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [OfferErrorCode.NotYours]: HttpStatus.FORBIDDEN,
  [OfferErrorCode.WrongStatus]: HttpStatus.CONFLICT,
  [OfferErrorCode.SecondLanguageMissing]: HttpStatus.BAD_REQUEST,
  [OfferErrorCode.InvestmentRange]: HttpStatus.BAD_REQUEST,
  [OfferErrorCode.OnlyJinanCompanies]: HttpStatus.FORBIDDEN,
});

registerConstraintMessages({
  offers_second_language: {
    status: HttpStatus.BAD_REQUEST,
    code: OfferErrorCode.SecondLanguageMissing,
    message: 'a published offer needs a Japanese or English title and summary',
  },
});
