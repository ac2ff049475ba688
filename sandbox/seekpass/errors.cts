// SEEK Pass error answers (shape in constants.cts).
import type { ZodError } from 'zod';
import { SandboxHttpError } from '../core/types.cjs';
import { VALIDATION_STATUS } from './constants.cjs';

export interface FieldIssue {
	field: string;
	message: string;
}

export function seekPassErrorBody(
	code: string,
	message: string,
	details?: FieldIssue[],
): Record<string, unknown> {
	return { error: code, error_description: message, ...(details ? { details } : {}) };
}

export function seekPassError(
	status: number,
	code: string,
	message: string,
	headers: Record<string, string> = {},
): SandboxHttpError {
	return new SandboxHttpError(status, code, message, seekPassErrorBody(code, message), headers);
}

/** e.g. data.credential.majors[0] */
export function fieldPath(path: ReadonlyArray<string | number>, prefix = ''): string {
	const joined = path.reduce<string>(
		(acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg),
		prefix,
	);
	return joined || '(body)';
}

export function validationError(error: ZodError, prefix = ''): SandboxHttpError {
	const details: FieldIssue[] = error.issues.map((issue) => ({
		field: fieldPath(issue.path, prefix),
		message: issue.message,
	}));
	const first = details[0] ?? { field: '(body)', message: 'is invalid' };
	const message = `${first.field}: ${first.message}`;
	return new SandboxHttpError(
		VALIDATION_STATUS,
		'validation_error',
		message,
		seekPassErrorBody('validation_error', message, details),
	);
}

export function notFound(what: string): SandboxHttpError {
	return seekPassError(404, 'not_found', `${what} not found`);
}
