import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The one logger of the functions: structured JSON lines. Never log request bodies, applicant
 * data or lookup keys: personal data stays out of logs.
 */
export const logger = new Logger({ serviceName: 'motcua' });
