import type { IDataObject } from 'n8n-workflow';
import { SMART_RESUME_REDIRECT_KEY } from '../constants';
import { parseClaimLink } from './claim-link';

/**
 * What a push SmartResume accepted gives the user. Never an error: the credentials are stored,
 * and an error item would invite a re-run that pushes them twice.
 */
export interface PushAnswer {
	/** The link the person opens to claim the upload; null when the answer holds none we can find. */
	claimUrl: string | null;
	/** The upload's identifier token; null when the link is not in the documented form. */
	identifierToken: string | null;
	/** Only when claimUrl is null: what happened and what not to do. */
	warning?: string;
	/** SmartResume's answer body as received (JSON as parsed, else text). */
	answer: IDataObject[string];
}

const HTTP_URL = /^https?:\/\/\S+$/i;

function isHttpUrl(value: unknown): value is string {
	return typeof value === 'string' && HTTP_URL.test(value.trim());
}

/** A URL in the documented claim-link form, …/createmyresume/{identifier_token}. */
function isClaimLink(value: unknown): value is string {
	return isHttpUrl(value) && parseClaimLink(value.trim()).identifierToken !== null;
}

/** The first string in the documented claim-link form, wherever the answer put it. */
function findClaimLink(value: unknown, depth = 0): string | undefined {
	if (isClaimLink(value)) return value.trim();
	if (depth >= 4 || value === null || typeof value !== 'object') return undefined;
	for (const inner of Object.values(value)) {
		const found = findClaimLink(inner, depth + 1);
		if (found !== undefined) return found;
	}
	return undefined;
}

/**
 * The claim link out of a success answer: under the assumed key, as a bare URL ("the response
 * includes the redirect URL" [doc]), else any value — or a Location header — in the documented
 * link form, since only the key name is our guess.
 */
function claimUrlOf(body: unknown, location: unknown): string | undefined {
	const keyed = (body as Record<string, unknown> | null | undefined)?.[SMART_RESUME_REDIRECT_KEY];
	if (typeof keyed === 'string' && keyed !== '') return keyed;
	if (isHttpUrl(body)) return body.trim();
	return findClaimLink(body) ?? (isClaimLink(location) ? location.trim() : undefined);
}

/** Reads a success answer (any 2xx) to a push; `location` is the answer's Location header, if any. */
export function readPushAnswer(status: number, body: unknown, location?: unknown): PushAnswer {
	const answer = (body === undefined ? null : body) as IDataObject[string];
	const link = claimUrlOf(body, location);
	if (link !== undefined) return { ...parseClaimLink(link), answer };
	return {
		claimUrl: null,
		identifierToken: null,
		warning:
			`SmartResume accepted the push (HTTP ${status}) but no claim link was found in its answer ` +
			`(expected "${SMART_RESUME_REDIRECT_KEY}"). The credentials are probably stored: do not push them ` +
			'again. The answer is in "answer"; ask SmartResume for the link.',
		answer,
	};
}
