import type { Resource } from '../../../common/operation';
import { create } from './create';
import { createIssueSend } from './createIssueSend';
import { deleteCredential } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { getDesigns } from './getDesigns';
import { issue } from './issue';
import { search } from './search';
import { send } from './send';
import { update } from './update';

export const credentialResource: Resource = {
	value: 'credential',
	name: 'Credential',
	operations: [
		create,
		createIssueSend,
		deleteCredential,
		get,
		getDesigns,
		getAll,
		issue,
		search,
		send,
		update,
	],
};
