import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { ApiClient } from '../../common/transport/client';
import { SeekPassClient } from '../transport';
import {
	acceptDelivery,
	claimDelivery,
	deliveryScope,
	releaseDelivery,
} from '../../common/webhooks/delivery-ledger';
import { SEEK_PASS_REPLAY_MEMORY, SEEK_PASS_SERVICE } from '../constants';
import { inspectDelivery } from './delivery';
import { readTriggerSettings } from './properties';
import { stateOf } from './state';

/** Answers the caller directly; n8n then neither answers again nor starts the workflow. */
function answer(ctx: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
	ctx.getResponseObject().status(status).json(body);
	return { noWebhookResponse: true };
}

/** One call to the trigger's URL: check it, then start the workflow for a wanted event. */
export async function receiveEvent(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const settings = readTriggerSettings(ctx);
	const staticData = ctx.getWorkflowStaticData('node');
	const request = ctx.getRequestObject();
	const verdict = inspectDelivery(
		{
			rawBody: request.rawBody,
			headers: request.headers,
			secret: stateOf(staticData).webhookSecret,
			nowMs: Date.now(),
		},
		settings,
	);
	if (!verdict.accepted) {
		ctx.logger.warn(`SEEK Pass Trigger: refused a call (${verdict.httpStatus}): ${verdict.reason}`);
		return answer(ctx, verdict.httpStatus, { error: verdict.reason });
	}

	const { event, status } = verdict;
	// A repeat of an event already handled (or still being handled) is acknowledged, so SEEK Pass
	// stops sending it, but never runs the workflow twice.
	const { webhookId, recentEventIds: persisted = [] } = stateOf(staticData);
	// Per registration: re-activating registers anew and starts an empty memory (see state.ts).
	const scope = deliveryScope(ctx.getWorkflow().id, ctx.getNode().id, webhookId);
	if (!claimDelivery(scope, event.event_id, persisted)) {
		ctx.logger.warn(`SEEK Pass Trigger: ignored event ${event.event_id}, already received`);
		return answer(ctx, 200, { received: true, duplicate: true });
	}
	const remember = () => {
		staticData.recentEventIds = acceptDelivery(
			scope,
			event.event_id,
			persisted,
			SEEK_PASS_REPLAY_MEMORY,
		);
	};
	if (!settings.events.includes(status)) {
		remember();
		return answer(ctx, 200, { received: true, ignored: true });
	}

	const output: IDataObject = { event: status, ...event };
	// A failure fetching the result answers 500 and gives the claim back, so SEEK Pass's retry is
	// not taken for a replay.
	let handled = false;
	try {
		if (settings.fetchVerificationResult) {
			const client = new SeekPassClient(await ApiClient.create(ctx, SEEK_PASS_SERVICE));
			output.verification = (await client.getVerification(event.request_id)) as IDataObject;
		}
		remember();
		handled = true;
	} finally {
		if (!handled) releaseDelivery(scope, event.event_id);
	}
	// Answered here, not by n8n: n8n 2.41 starts the run before its own answer, and starting the
	// run clears static data's "changed" mark, so the remembered id would never be saved and a
	// replay would run the workflow again. Answering first makes n8n save it, then start the run.
	ctx.getResponseObject().status(200).json({ received: true });
	return { workflowData: [ctx.helpers.returnJsonArray([output])], noWebhookResponse: true };
}
