import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../../edge-agent/src/lan/http.ts';
import { LoginThrottle } from '../../../../edge-agent/src/lan/sessions.ts';

describe('Class: LoginThrottle', () => {
  const setup = () => {
    let now = 0;
    const throttle = new LoginThrottle(3, 60_000, () => now);
    return { throttle, advance: (ms: number) => (now += ms) };
  };

  it('locks an address out after the last allowed failure, until the oldest ages out', () => {
    const { throttle, advance } = setup();
    for (let i = 0; i < 3; i++) {
      throttle.check('10.0.0.5');
      throttle.failed('10.0.0.5');
      advance(10_000);
    }

    expect(() => throttle.check('10.0.0.5')).toThrow(HttpError);
    expect(() => throttle.check('10.0.0.6')).not.toThrow();
    advance(30_001);
    expect(() => throttle.check('10.0.0.5')).not.toThrow();
  });

  it('says how long to wait', () => {
    const { throttle } = setup();
    for (let i = 0; i < 3; i++) throttle.failed('10.0.0.5');

    try {
      throttle.check('10.0.0.5');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        status: 429,
        code: 'too_many_attempts',
        headers: { 'retry-after': '60' },
      });
    }
  });

  it('forgets the failures of an address that logs in', () => {
    const { throttle } = setup();
    throttle.failed('10.0.0.5');
    throttle.failed('10.0.0.5');

    throttle.succeeded('10.0.0.5');
    throttle.failed('10.0.0.5');
    throttle.failed('10.0.0.5');

    expect(() => throttle.check('10.0.0.5')).not.toThrow();
  });
});
