import { DossierRepository } from './dossier-repository.ts';

/** The repositories of this process, created once per Lambda container. */
export const dossiers = new DossierRepository();
