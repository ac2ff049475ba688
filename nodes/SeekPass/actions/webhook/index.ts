import type { Resource } from '../../../common/operation';
import type { SeekPassClient } from '../../transport';
import { create } from './create';
import { delete as deleteOperation } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { rotateSecret } from './rotateSecret';
import { update } from './update';

export const webhook: Resource<SeekPassClient> = {
	value: 'webhook',
	name: 'Webhook',
	operations: [create, deleteOperation, get, getAll, rotateSecret, update],
};
