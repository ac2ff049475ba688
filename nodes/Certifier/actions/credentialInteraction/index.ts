import type { Resource } from '../../../common/operation';
import type { CertifierClient } from '../../transport';
import { create } from './create';
import { getAll } from './getAll';

export const credentialInteractionResource: Resource<CertifierClient> = {
	value: 'credentialInteraction',
	name: 'Credential Interaction',
	operations: [create, getAll],
};
