import type { Resource } from '../../../common/operation';
import type { SeekPassClient } from '../../transport';
import { create } from './create';
import { get } from './get';

export const verification: Resource<SeekPassClient> = {
	value: 'verification',
	name: 'Verification',
	operations: [create, get],
};
