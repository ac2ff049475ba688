import type { Resource } from '../../../common/operation';
import type { CertifierClient } from '../../transport';
import { get } from './get';
import { getAll } from './getAll';

export const designResource: Resource<CertifierClient> = {
	value: 'design',
	name: 'Design',
	operations: [get, getAll],
};
