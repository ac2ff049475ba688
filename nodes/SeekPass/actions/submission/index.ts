import type { Resource } from '../../../common/operation';
import { getStatus } from './getStatus';
import { getStatuses } from './getStatuses';

export const submission: Resource = {
	value: 'submission',
	name: 'Submission',
	operations: [getStatus, getStatuses],
};
