import type { Resource } from '../../../common/operation';
import { getAllDesigns } from './getAll';

export const designResource: Resource = {
	value: 'design',
	name: 'Design',
	operations: [getAllDesigns],
};
