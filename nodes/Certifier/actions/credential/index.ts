import type { Resource } from '../../../common/operation';
import type { CertifierClient } from '../../transport';
import { create } from './create';
import { createIssueSend } from './createIssueSend';
import { delete as deleteOperation } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { getDesigns } from './getDesigns';
import { issue } from './issue';
import { search } from './search';
import { send } from './send';
import { update } from './update';

export const credentialResource: Resource<CertifierClient> = {
	value: 'credential',
	name: 'Credential',
	operations: [
		create,
		createIssueSend,
		deleteOperation,
		get,
		getDesigns,
		getAll,
		issue,
		search,
		send,
		update,
	],
};
