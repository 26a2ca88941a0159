/**
 * The UI languages, as shared/i18n names them; repeated here so the pure helpers of this
 * feature import no React and run in plain Node tests.
 */
export type Lang = 'vi' | 'en';
