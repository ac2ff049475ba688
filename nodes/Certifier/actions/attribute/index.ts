import type { Resource } from '../../../common/operation';
import type { CertifierClient } from '../../transport';
import { getAll } from './getAll';

export const attributeResource: Resource<CertifierClient> = {
	value: 'attribute',
	name: 'Attribute',
	operations: [getAll],
};
