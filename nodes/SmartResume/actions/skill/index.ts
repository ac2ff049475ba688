import type { Resource } from '../../../common/operation';
import { sync } from './sync';

export const skill: Resource = {
	value: 'skill',
	name: 'Skill',
	operations: [sync],
};
