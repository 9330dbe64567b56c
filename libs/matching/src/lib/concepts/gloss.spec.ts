import { glossVocabulary, glossWords } from './gloss';

describe('glossWords: the concept words of a dictionary entry', () => {
  it('keeps an abbreviation the gloss defines, not a parenthesised label', () => {
    expect(glossWords(['artificial intelligence (AI)'])).toEqual(['artificial', 'intelligence', 'ai']);
    expect(glossWords(['computer numerical control machine tool (CNC machine tool)'])).toContain('cnc');
    expect(glossWords(['Internet of things (IoT)'])).toContain('iot');
    expect(glossWords(['acupuncture point (TCM)'])).toEqual(['acupuncture', 'point']);
  });

  it('adds the closed form of two words the dictionaries also write closed, not of a list', () => {
    const closed = glossVocabulary(['wastewater', 'southwest']);
    expect(glossWords(['waste water', 'drain water'], closed)).toEqual(['waste', 'water', 'drain', 'wastewater']);
    expect(glossWords(['east, south, west, north'], closed)).toEqual(['east', 'south', 'west', 'north']);
    expect(glossWords(['waste water'])).toEqual(['waste', 'water']);
  });
});
