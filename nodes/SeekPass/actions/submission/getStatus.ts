import { ItemParams } from '../../../common/item-params';
import { eachItem } from '../../../common/items';
import { asItemError } from '../../../common/items/item-errors';
import type { Operation } from '../../../common/operation';
import { statusIdKey, statusItem } from '../../helpers/status-item';
import { submissionIdFieldSchema } from '../../schemas';
import { isNotFound, type SeekPassClient } from '../../transport';

export const getStatus: Operation<SeekPassClient> = {
	value: 'getStatus',
	name: 'Get Status',
	action: 'Get the status of a submission',
	description:
		'Whether the person added the credential (verified), declined or let it expire (canceled), or has not finished (incomplete)',
	properties: [
		{
			displayName: 'Submission ID',
			name: 'submissionId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. acme-uni-a9a4839f-53d9-4064-8b0b-1348113a33f8',
			description: 'Your ID of the submission, as sent to Add',
		},
	],
	execute: eachItem(async ({ ctx, client }, itemIndex) => {
		const params = new ItemParams(ctx, itemIndex, 'submission ID');
		const { id } = params.validate(submissionIdFieldSchema, { id: params.raw('submissionId') });
		const key = statusIdKey(ctx.getNode());
		try {
			return statusItem(key, id, await client.submissionStatus(id, itemIndex));
		} catch (error) {
			if (isNotFound(error)) return statusItem(key, id, undefined);
			throw asItemError(ctx, error, itemIndex);
		}
	}),
};
