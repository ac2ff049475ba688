import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { connect } from '../../common/transport/connect';
import { receiveOnce } from '../../common/webhooks/receipt';
import { SEEK_PASS_REPLAY_MEMORY } from '../constants';
import { SEEK_PASS_SERVICE } from '../transport';
import { inspectDelivery } from './delivery';
import { readTriggerSettings } from './properties';
import { readSecret, sealingKeyOf, stateOf } from './state';

/** One call to the trigger's URL: check it, then start the workflow once for a wanted event. */
export async function receiveEvent(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const settings = readTriggerSettings(ctx);
	const store = ctx.getWorkflowStaticData('node');
	const { webhookId } = stateOf(store);
	// Read (and, if stored in plain text by an earlier release, sealed) before the check.
	const secret = readSecret(store, await sealingKeyOf(ctx));
	const request = ctx.getRequestObject();
	const verdict = inspectDelivery(
		{
			rawBody: request.rawBody,
			headers: request.headers,
			secret,
			nowMs: Date.now(),
		},
		settings,
	);
	return await receiveOnce(ctx, {
		label: 'SEEK Pass Trigger',
		verdict,
		store,
		// Per registration: re-activating registers anew and starts an empty memory (see state.ts).
		scope: webhookId,
		memory: SEEK_PASS_REPLAY_MEMORY,
		output: async ({ status, payload }) => {
			const output: IDataObject = { event: status, ...payload };
			if (settings.fetchVerificationResult) {
				const client = await connect(ctx, SEEK_PASS_SERVICE);
				output.verification = (await client.getVerification(payload.request_id)) as IDataObject;
			}
			return output;
		},
	});
}
