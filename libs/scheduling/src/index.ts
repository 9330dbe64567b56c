export * from './lib/scheduling';
