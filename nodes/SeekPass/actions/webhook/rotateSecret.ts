import { type Operation } from '../../../common/operation';
import { perItem } from '../../../common/items/legacy';
import { validateInput } from '../../../common/validation';
import { SeekPassClient } from '../../transport';
import { webhookIdSchema } from '../../schemas';
import { webhookIdProperty, withSecret } from '../../helpers/webhook';

export const rotateSecret: Operation = {
	value: 'rotateSecret',
	name: 'Rotate Secret',
	action: 'Rotate a webhook secret',
	description:
		'Replace a webhook’s signing secret. The output includes the new secret: keep it safe; the old one stops working.',
	properties: [webhookIdProperty],
	execute: perItem(async ({ ctx, client }, itemIndex) => {
		const { id } = validateInput(
			ctx.getNode(),
			webhookIdSchema,
			{ id: ctx.getNodeParameter('webhookId', itemIndex) },
			itemIndex,
			'webhook ID',
		);
		return withSecret(await new SeekPassClient(client).rotateWebhookSecret(id, itemIndex));
	}),
};
