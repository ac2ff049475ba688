import type { Resource } from '../../../common/operation';
import { createGroup } from './create';
import { getGroup } from './get';
import { getAllGroups } from './getAll';
import { updateGroup } from './update';

export const groupResource: Resource = {
	value: 'group',
	name: 'Group',
	operations: [createGroup, getGroup, getAllGroups, updateGroup],
};
