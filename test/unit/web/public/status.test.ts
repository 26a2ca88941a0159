import { describe, expect, it } from 'vitest';
import { DossierStatus, NATIONAL_STATUS, STATUS_LABEL } from '#domain/dossier/status';
import { nationalStatusText, statusText, statusTone } from '../../../../web/src/features/public/status.ts';

describe('the dossier status in the citizen’s words', () => {
  it('uses the API’s own Vietnamese label for every status and explains each in both languages', () => {
    for (const status of DossierStatus.options) {
      expect(statusText(status, 'vi').label).toBe(STATUS_LABEL[status]);
      expect(statusText(status, 'vi').meaning.length).toBeGreaterThan(20);
      expect(statusText(status, 'en').meaning.length).toBeGreaterThan(20);
    }
  });

  it('asks the citizen to act when the clock waits on them', () => {
    expect(statusTone('awaiting_supplement')).toBe('warn');
    expect(statusText('awaiting_supplement', 'vi').meaning).toContain('bổ sung');
    expect(statusTone('result_ready')).toBe('ok');
    expect(statusTone('processing')).toBe('info');
    expect(statusTone('refused')).toBe('bad');
  });

  it('names every national status in English and keeps the API’s Vietnamese name', () => {
    for (const [code, name] of Object.entries(NATIONAL_STATUS)) {
      expect(nationalStatusText(Number(code), name, 'vi')).toBe(name);
      expect(nationalStatusText(Number(code), name, 'en')).not.toBe(name);
    }
  });
});
