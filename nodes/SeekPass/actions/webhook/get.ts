import { type Operation } from '../../../common/operation';
import { perItem } from '../../../common/items/legacy';
import { validateInput } from '../../../common/validation';
import { SeekPassClient } from '../../transport';
import { webhookIdSchema } from '../../schemas';
import { webhookIdProperty, withoutSecret } from '../../helpers/webhook';

export const get: Operation = {
	value: 'get',
	name: 'Get',
	action: 'Get a webhook',
	description: 'Get a registered webhook (without its secret)',
	properties: [webhookIdProperty],
	execute: perItem(async ({ ctx, client }, itemIndex) => {
		const { id } = validateInput(
			ctx.getNode(),
			webhookIdSchema,
			{ id: ctx.getNodeParameter('webhookId', itemIndex) },
			itemIndex,
			'webhook ID',
		);
		return withoutSecret(await new SeekPassClient(client).getWebhook(id, itemIndex));
	}),
};
