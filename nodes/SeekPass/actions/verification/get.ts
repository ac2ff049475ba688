import type { IDataObject } from 'n8n-workflow';
import { ItemParams } from '../../../common/item-params';
import { eachItem } from '../../../common/items';
import type { Operation } from '../../../common/operation';
import { SEEK_PASS_VERIFY_SCOPES } from '../../constants';
import { checkScopes, grantedScopes } from '../../helpers/scopes';
import { verificationRequestIdSchema } from '../../schemas';
import type { SeekPassClient } from '../../transport';

export const get: Operation<SeekPassClient> = {
	value: 'get',
	name: 'Get',
	action: 'Get a verification result',
	description:
		'The status of a verification request and, once verified, the person’s verified details',
	properties: [
		{
			displayName: 'Request ID',
			name: 'requestId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. {{ $json.requestId }}',
			description: 'The ID the verification request was created with',
		},
	],
	execute: async (operation) => {
		const granted = await grantedScopes(operation.ctx);
		return await eachItem<SeekPassClient>(async ({ ctx, client }, itemIndex) => {
			const params = new ItemParams(ctx, itemIndex, 'verification request ID');
			const { request_id } = params.validate(verificationRequestIdSchema, {
				request_id: params.raw('requestId'),
			});
			checkScopes(params, SEEK_PASS_VERIFY_SCOPES.get, granted);
			return (await client.getVerification(request_id, itemIndex)) as IDataObject;
		})(operation);
	},
};
