import type { Resource } from '../../../common/operation';
import type { CertifierClient } from '../../transport';
import { create } from './create';
import { delete as deleteOperation } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { update } from './update';

export const groupResource: Resource<CertifierClient> = {
	value: 'group',
	name: 'Group',
	operations: [create, deleteOperation, get, getAll, update],
};
