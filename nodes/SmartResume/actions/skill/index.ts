import type { Resource } from '../../../common/operation';
import type { SmartResumeClient } from '../../transport';
import { sync } from './sync';

export const skill: Resource<SmartResumeClient> = {
	value: 'skill',
	name: 'Skill',
	operations: [sync],
};
