import type { Resource } from '../../../common/operation';
import { push } from './push';

export const credential: Resource = {
	value: 'credential',
	name: 'Credential',
	operations: [push],
};
