import type { Resource } from '../../../common/operation';
import { create } from './create';
import { deleteWebhook } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { rotateSecret } from './rotateSecret';
import { update } from './update';

export const webhook: Resource = {
	value: 'webhook',
	name: 'Webhook',
	operations: [create, deleteWebhook, get, getAll, rotateSecret, update],
};
