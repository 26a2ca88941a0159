import { DocumentRepository } from './document-repository.ts';
import { DossierRepository } from './dossier-repository.ts';

/** The repositories of this process, created once per Lambda container. */
export const dossiers = new DossierRepository();
export const documents = new DocumentRepository(dossiers);
