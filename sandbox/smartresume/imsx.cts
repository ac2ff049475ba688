// SmartResume's error body, 1EdTech Imsx_StatusInfo, for every 4xx/5xx it answers.
// The core formats its own answers (429, injected faults, 404, bad JSON) through errorBody.
import { SandboxHttpError } from '../core/types.cjs';
import { IMSX_DEFAULT_FIELD, IMSX_MINOR_BY_STATUS } from './constants.cjs';

export function imsxBody(
	status: number,
	description: string,
	field: string = IMSX_DEFAULT_FIELD,
): unknown {
	return {
		imsx_codeMajor: 'failure',
		imsx_severity: 'error',
		imsx_description: description,
		imsx_codeMinor: {
			imsx_codeMinorField: [
				{
					imsx_codeMinorFieldName: field,
					imsx_codeMinorFieldValue: IMSX_MINOR_BY_STATUS[status] ?? 'invalid_data',
				},
			],
		},
	};
}

export function errorBody(status: number, _code: string, message: string): unknown {
	return imsxBody(status, message);
}

/** `field` is the request field at fault (e.g. credentials[0].issuer.name), when there is one. */
export function imsxError(
	status: number,
	description: string,
	field?: string,
	headers: Record<string, string> = {},
): SandboxHttpError {
	return new SandboxHttpError(
		status,
		IMSX_MINOR_BY_STATUS[status] ?? 'invalid_data',
		description,
		imsxBody(status, description, field),
		headers,
	);
}
