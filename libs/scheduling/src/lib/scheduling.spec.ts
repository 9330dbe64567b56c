import { scheduling } from './scheduling';

describe('scheduling', () => {
  it('should work', () => {
    expect(scheduling()).toEqual('scheduling');
  });
});
