import { NodeApiError, NodeOperationError, type IHookFunctions, type INode } from 'n8n-workflow';
import { connect } from '../../common/transport/connect';
import { SEEK_PASS_WEBHOOK_DEFAULTS } from '../constants';
import { isNotFound, SEEK_PASS_SERVICE } from '../transport';
import { isValidPayloadLayout } from './delivery';
import { readTriggerSettings } from './properties';
import {
	forgetWebhook,
	readSecret,
	rememberWebhook,
	sealingKeyOf,
	stateOf,
	storeSecret,
} from './state';

/** Errors leave the lifecycle as node errors, whatever threw them. */
export function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error);
}

function webhookUrlOf(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(ctx.getNode(), 'n8n gave this trigger no webhook URL');
	return url;
}

/**
 * Registered, still there at SEEK Pass and pointing at this URL. A webhook that vanished (deleted
 * by hand, or by SEEK Pass) is forgotten so that n8n registers a new one. A secret that can no
 * longer be opened (the credential's client secret was changed) is replaced by rotating it.
 */
export async function webhookExists(ctx: IHookFunctions): Promise<boolean> {
	const staticData = ctx.getWorkflowStaticData('node');
	const { webhookId, webhookSecretSealed, webhookSecret } = stateOf(staticData);
	if (!webhookId || !(webhookSecretSealed || webhookSecret)) return false;
	const client = await connect(ctx, SEEK_PASS_SERVICE);
	try {
		const hook = await client.getWebhook(webhookId);
		// Another URL (e.g. the test URL of a registration made for the production one): not ours to reuse.
		if (hook.url !== webhookUrlOf(ctx)) return false;
	} catch (error) {
		if (!isNotFound(error)) throw asNodeError(ctx.getNode(), error);
		ctx.logger.info(
			`SEEK Pass Trigger: webhook ${webhookId} no longer exists at SEEK Pass; registering a new one`,
		);
		forgetWebhook(staticData);
		return false;
	}
	const clientSecret = await sealingKeyOf(ctx);
	if (readSecret(staticData, clientSecret) === undefined) {
		ctx.logger.info(
			`SEEK Pass Trigger: the secret of webhook ${webhookId} cannot be read with this credential; rotating it`,
		);
		const rotated = await client.rotateWebhookSecret(webhookId).catch((error: unknown) => {
			throw asNodeError(ctx.getNode(), error);
		});
		if (!rotated?.secret) {
			throw new NodeOperationError(
				ctx.getNode(),
				'SEEK Pass did not return the rotated webhook secret',
			);
		}
		storeSecret(staticData, webhookId, rotated.secret, clientSecret);
	}
	return true;
}

export async function registerWebhook(ctx: IHookFunctions): Promise<boolean> {
	const settings = readTriggerSettings(ctx);
	if (!isValidPayloadLayout(settings.signedPayload)) {
		throw new NodeOperationError(
			ctx.getNode(),
			'Signed Payload Layout must contain {body} exactly once',
			{
				description: `The default is ${SEEK_PASS_WEBHOOK_DEFAULTS.signedPayload}`,
			},
		);
	}
	const url = webhookUrlOf(ctx);
	const workflow = ctx.getWorkflow();
	const hook = await (
		await connect(ctx, SEEK_PASS_SERVICE)
	).createWebhook({
		url,
		name: `n8n: ${workflow.name ?? workflow.id ?? 'workflow'}`.slice(0, 100),
		description: 'Verification events for an n8n SEEK Pass Trigger',
	});
	if (!hook?.id || !hook.secret) {
		throw new NodeOperationError(
			ctx.getNode(),
			'SEEK Pass did not return the new webhook’s id and secret',
		);
	}
	rememberWebhook(
		ctx.getWorkflowStaticData('node'),
		{ id: hook.id, secret: hook.secret, url },
		await sealingKeyOf(ctx),
	);
	return true;
}

export async function unregisterWebhook(ctx: IHookFunctions): Promise<boolean> {
	const staticData = ctx.getWorkflowStaticData('node');
	const { webhookId } = stateOf(staticData);
	if (webhookId) {
		try {
			await (await connect(ctx, SEEK_PASS_SERVICE)).deleteWebhook(webhookId);
		} catch (error) {
			// Already gone is what deleting wants; anything else leaves the webhook registered.
			if (!isNotFound(error)) {
				ctx.logger.warn(
					`SEEK Pass Trigger: could not delete webhook ${webhookId}: ${asNodeError(ctx.getNode(), error).message}`,
				);
				return false;
			}
		}
	}
	forgetWebhook(staticData);
	return true;
}
