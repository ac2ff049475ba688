import type { Resource } from '../../common/operation';
import type { CertifierClient } from '../transport';
import { attributeResource } from './attribute';
import { credentialResource } from './credential';
import { credentialInteractionResource } from './credentialInteraction';
import { designResource } from './design';
import { groupResource } from './group';

/** Credential first: it is what most workflows come for, and the first resource is the default. */
export const resources: Array<Resource<CertifierClient>> = [
	credentialResource,
	credentialInteractionResource,
	groupResource,
	designResource,
	attributeResource,
];
