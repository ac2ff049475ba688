import type { Resource } from '../../../common/operation';
import type { SmartResumeClient } from '../../transport';
import { push } from './push';

export const credential: Resource<SmartResumeClient> = {
	value: 'credential',
	name: 'Credential',
	operations: [push],
};
