import type { Resource } from '../../../common/operation';
import type { SeekPassClient } from '../../transport';
import { getStatus } from './getStatus';
import { getStatuses } from './getStatuses';

export const submission: Resource<SeekPassClient> = {
	value: 'submission',
	name: 'Submission',
	operations: [getStatus, getStatuses],
};
