/**
 * Planted-truth data and its evaluation, for API tests, seeds and the benchmark
 * (`@jinan/matching/testing`): kept out of the engine's entry point so apps that
 * only score or render reasons do not load it.
 */
export type { PlantedData, PlantedDataConfig, PlantedTruth } from './planted-data';
export { DEVELOPMENT_CONFIG, HELD_OUT_CONFIG, generatePlantedData, relevanceGrade } from './planted-data';
export type { Evaluation } from './evaluate';
export { evaluateRankings, rankingsOf, sectorOnlyRankings } from './evaluate';
export { aFirm, anOffer } from './builders';
