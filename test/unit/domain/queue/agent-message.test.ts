import { describe, expect, it } from 'vitest';
import { agentMessageOf, wardOfMessage } from '#domain/queue/agent-message';

describe('Function: agentMessageOf', () => {
  it('adds the topic parts to the payload as the IoT rule does, the topic winning', () => {
    expect(agentMessageOf('motcua/hai-chau/hai-chau-i/status', { online: false, ward: 'other' })).toEqual({
      online: false,
      district: 'hai-chau',
      ward: 'hai-chau-i',
      kind: 'status',
    });
  });

  it('ignores the topics the rule does not select', () => {
    expect(agentMessageOf('motcua/hai-chau/hai-chau-i/config', {})).toBeUndefined();
    expect(agentMessageOf('other/hai-chau/hai-chau-i/events', {})).toBeUndefined();
  });
});

describe('Function: wardOfMessage', () => {
  it('finds the ward only when the district matches it', () => {
    expect(wardOfMessage({ district: 'hai-chau', ward: 'hai-chau-i', kind: 'events' })?.id).toBe(
      'hai-chau-i',
    );
    expect(wardOfMessage({ district: 'thanh-khe', ward: 'hai-chau-i', kind: 'events' })).toBeUndefined();
    expect(wardOfMessage({ district: 'hai-chau', ward: 'nowhere', kind: 'events' })).toBeUndefined();
  });
});
