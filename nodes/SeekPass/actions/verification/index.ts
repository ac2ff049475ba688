import type { Resource } from '../../../common/operation';
import { create } from './create';
import { get } from './get';

export const verification: Resource = {
	value: 'verification',
	name: 'Verification',
	operations: [create, get],
};
