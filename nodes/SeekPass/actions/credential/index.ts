import type { Resource } from '../../../common/operation';
import { add } from './add';
import { addBatch } from './addBatch';

export const credential: Resource = {
	value: 'credential',
	name: 'Credential',
	operations: [add, addBatch],
};
