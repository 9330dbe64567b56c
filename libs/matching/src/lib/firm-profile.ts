import type { MatchingFirm } from './domain';
import { COOPERATION_TYPES, SECTORS, SIZE_BANDS } from './domain';
import { checkFirm } from './input-error';
import { cooperationFit, sectorFit } from './parts';
import type { PreparedOffers } from './prepare-offers';
import { languageMask } from './prepare-offers';

/**
 * A firm's structured parts as lookup tables, so scoring an offer is array reads:
 * sector[offerSector × 8 + companySectorMask], cooperation[offerType].
 */
export interface FirmProfile {
  sector: Float64Array;
  cooperation: Float64Array;
  band: number;
  languages: number;
}

export function firmProfile(firm: MatchingFirm, prepared: PreparedOffers): FirmProfile {
  checkFirm(firm);
  const { weights } = prepared;
  const sector = new Float64Array(SECTORS.length * 8);
  SECTORS.forEach((offerSector, s) => {
    for (let mask = 0; mask < 8; mask++) {
      const companySectors = SECTORS.filter((_, i) => (mask & (1 << i)) !== 0);
      sector[s * 8 + mask] = sectorFit(firm.sectors, offerSector, companySectors, weights).value;
    }
  });
  const cooperation = Float64Array.from(COOPERATION_TYPES, (type) => cooperationFit(firm.cooperationTypes, type, weights).value);
  return { sector, cooperation, band: SIZE_BANDS.indexOf(firm.sizeBand), languages: languageMask(firm.languages) };
}

/** Σ share × part over sector, cooperation, scale and language, in [0, 1 − text − spread shares]. */
export function structuralScore(profile: FirmProfile, prepared: PreparedOffers, d: number): number {
  const p = prepared.weights.parts;
  const l = prepared.weights.language;
  const n = prepared.offers.length;
  return (
    p.sector * (profile.sector[(prepared.sector[d] as number) * 8 + (prepared.companySectors[d] as number)] as number) +
    p.cooperation * (profile.cooperation[prepared.cooperationType[d] as number] as number) +
    p.scale * (prepared.scale[profile.band * n + d] as number) +
    p.language * (((prepared.companyLanguages[d] as number) & profile.languages) !== 0 ? l.shared : l.none)
  );
}

/** structuralScore of every offer into `out`, the same expression in the same order (so equal to the bit). */
export function structuralScores(profile: FirmProfile, prepared: PreparedOffers, out: Float64Array): Float64Array {
  const p = prepared.weights.parts;
  const l = prepared.weights.language;
  const n = prepared.offers.length;
  const { sector, cooperation, band, languages } = profile;
  const { sector: offerSector, companySectors, cooperationType, scale, companyLanguages } = prepared;
  const scaleStart = band * n;
  for (let d = 0; d < n; d++) {
    out[d] =
      p.sector * (sector[(offerSector[d] as number) * 8 + (companySectors[d] as number)] as number) +
      p.cooperation * (cooperation[cooperationType[d] as number] as number) +
      p.scale * (scale[scaleStart + d] as number) +
      p.language * (((companyLanguages[d] as number) & languages) !== 0 ? l.shared : l.none);
  }
  return out;
}
