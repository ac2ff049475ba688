import {
	NodeOperationError,
	type IHookFunctions,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { SMART_RESUME_REDIRECT_HOSTS } from '../constants';
import { checkImportRequest } from './import-request';
import { PAGE_HEADERS, refusalPage } from './page';
import { parseAllowList, type AllowedTarget, type Checked } from './redirect-guard';

/** The Allowed Redirect Hosts default: SmartResume's own hosts. */
export const DEFAULT_ALLOWED_HOSTS = SMART_RESUME_REDIRECT_HOSTS.join(', ');

function allowList(ctx: IHookFunctions | IWebhookFunctions): Checked<AllowedTarget[]> {
	return parseAllowList(ctx.getNodeParameter('allowedHosts', DEFAULT_ALLOWED_HOSTS) as string);
}

/** Activation is where a bad allow-list should surface, not on a holder's visit. */
export function checkAllowList(ctx: IHookFunctions): void {
	const targets = allowList(ctx);
	if (!targets.ok)
		throw new NodeOperationError(ctx.getNode(), `Allowed Redirect Hosts: ${targets.reason}`);
}

function refuse(
	ctx: IWebhookFunctions,
	status: number,
	title: string,
	problems: string[],
): IWebhookResponseData {
	const res = ctx.getResponseObject();
	for (const [name, value] of Object.entries(PAGE_HEADERS)) res.setHeader(name, value);
	res.status(status).send(refusalPage(title, problems));
	return { noWebhookResponse: true };
}

/**
 * One browser visit: a valid import request starts the workflow with the token and the checked
 * redirectURL; anything else gets a refusal page and starts nothing.
 */
export function receiveImportRequest(ctx: IWebhookFunctions): IWebhookResponseData {
	const targets = allowList(ctx);
	if (!targets.ok) {
		return refuse(ctx, 500, 'This import endpoint is misconfigured', [
			`Allowed Redirect Hosts: ${targets.reason}`,
		]);
	}
	const request = ctx.getRequestObject();
	const checked = checkImportRequest(request.query as Record<string, unknown>, targets.value);
	if (!checked.ok) return refuse(ctx, 400, 'This import request is not valid', checked.problems);

	const res = ctx.getResponseObject();
	res.setHeader('cache-control', 'no-store');
	res.setHeader('referrer-policy', 'no-referrer');
	// n8n answers after the last node with the description's status (303) and keeps this header.
	if (ctx.getNodeParameter('respond', 'lastNode') === 'lastNode')
		res.setHeader('location', checked.value.redirectURL);
	return { workflowData: [[{ json: { ...checked.value } }]] };
}
