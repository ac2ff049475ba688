import type { Resource } from '../../../common/operation';
import { getAllAttributes } from './getAll';

export const attributeResource: Resource = {
	value: 'attribute',
	name: 'Attribute',
	operations: [getAllAttributes],
};
