import { glossVocabulary, glossWords, spelledOut } from './gloss';

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

  it('adds the noun of the verb a gloss opens with, when the dictionaries use that noun', () => {
    const vocabulary = glossVocabulary(['storage', 'treatment', 'station', 'battery', 'incineration']);
    expect(glossWords(['to store energy'], vocabulary)).toEqual(['store', 'energy', 'storage']);
    expect(glossWords(['to treat', 'to incinerate'], vocabulary)).toEqual(['treat', 'incinerate', 'treatment', 'incineration']);
    expect(glossWords(['to state'], vocabulary)).toEqual(['state']); // not station: -ion needs six letters
    expect(glossWords(['to batter'], vocabulary)).toEqual(['batter']); // -y is not tried
    expect(glossWords(['storage tank'], vocabulary)).toEqual(['storage', 'tank']); // not a verb
    expect(glossWords(['to store'])).toEqual(['store']); // a noun no dictionary uses is not added
  });

  it('spells out an abbreviation the sense defines, or a closed compound it glosses beside a phrase of the same ending', () => {
    expect(spelledOut(['computer numerical control machine tool (CNC machine tool)'])).toEqual([
      { word: 'cnc', words: ['computer', 'numerical', 'control'], abbreviation: true },
    ]);
    expect(spelledOut(['(n) numerical control', 'NC'])).toEqual([{ word: 'nc', words: ['numerical', 'control'], abbreviation: true }]);
    expect(spelledOut(['(n) Internet of Things', 'IoT'])).toEqual([{ word: 'iot', words: ['internet'], abbreviation: true }]); // things: a stop word of glosses
    expect(spelledOut(['(n) telemedicine', 'remote medicine'])).toEqual([{ word: 'telemedicine', words: ['remote', 'medicine'], abbreviation: false }]);
    expect(spelledOut(['network computer', 'NCC'])).toEqual([]); // NCC is not the initials of the whole phrase
    expect(spelledOut(['(n) exhaust gas', 'exhaust fumes'])).toEqual([]); // no closed word
    expect(spelledOut(['(n) headache', 'pain'])).toEqual([]); // one word is not a phrase
  });

  it('spells out an abbreviation two glosses exchange for words, when it is their initials or a formula', () => {
    expect(spelledOut(['(n) carbon sink', 'carbon dioxide sink', 'CO2 sink'])).toEqual([{ word: 'co2', words: ['carbon', 'dioxide'], abbreviation: true }]);
    expect(spelledOut(['LED lamp', 'light emitting diode lamp'])).toEqual([{ word: 'led', words: ['light', 'emitting', 'diode'], abbreviation: true }]);
    expect(spelledOut(['the TV screen', 'the silver screen'])).toEqual([]); // one word for one
    expect(spelledOut(['VAT return', 'consumption tax return'])).toEqual([]); // neither initials nor a formula
  });
});
