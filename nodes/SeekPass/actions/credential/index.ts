import type { Resource } from '../../../common/operation';
import type { SeekPassClient } from '../../transport';
import { add } from './add';
import { addBatch } from './addBatch';

export const credential: Resource<SeekPassClient> = {
	value: 'credential',
	name: 'Credential',
	operations: [add, addBatch],
};
