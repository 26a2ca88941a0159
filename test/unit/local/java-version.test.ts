import { describe, expect, it } from 'vitest';
import { parseJavaMajor } from '#infra/local/dynamodb';

describe('parseJavaMajor', () => {
  it('reads modern and 1.x version strings', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment')).toBe(17);
    expect(parseJavaMajor('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaMajor('java version "1.8.0_392"')).toBe(8);
  });

  it('gives up on output it does not know', () => {
    expect(parseJavaMajor('command not found')).toBeUndefined();
  });
});
