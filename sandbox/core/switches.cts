// Run-time switches: defaults, validation of partial updates, and in-place merging
// (modules hold a reference to the live object, so it must never be replaced).
import { z } from 'zod';
import type { FaultKind, SandboxSwitches } from './types.cjs';

export const DEFAULT_SWITCHES: Readonly<SandboxSwitches> = Object.freeze({
	latencyMs: 0,
	rateLimitPerSecond: 0,
	rateLimitHeaders: false,
	faultRate: 0,
	faultKinds: ['500', '502', '503', '504', 'reset', 'slow'] as FaultKind[],
	faultTargets: [],
	faultTokenEndpoints: false,
	slowMs: 1000,
	tokenTtlSeconds: 3600,
});

export const faultKindSchema = z.enum([
	'500',
	'502',
	'503',
	'504',
	'reset',
	'slow',
	'lost-response',
]);

export const switchesPatchSchema = z
	.object({
		latencyMs: z.number().int().min(0).max(600_000),
		rateLimitPerSecond: z.number().min(0),
		rateLimitHeaders: z.boolean(),
		faultRate: z.number().min(0).max(1),
		faultKinds: z.array(faultKindSchema).min(1),
		faultTargets: z.array(
			z
				.object({
					kind: faultKindSchema,
					method: z.string().min(1).optional(),
					pathEndsWith: z.string().min(1).optional(),
					times: z.number().int().min(1).optional(),
				})
				.strict(),
		),
		faultTokenEndpoints: z.boolean(),
		slowMs: z.number().int().min(0).max(600_000),
		tokenTtlSeconds: z.number().int().min(1),
	})
	.partial()
	.strict();

export type SwitchesPatch = z.infer<typeof switchesPatchSchema>;

/** Throws a ZodError naming the bad field. */
export function parseSwitchesPatch(input: unknown): SwitchesPatch {
	return switchesPatchSchema.parse(input ?? {});
}

export function createSwitches(initial: Partial<SandboxSwitches> = {}): SandboxSwitches {
	const switches: SandboxSwitches = {
		...DEFAULT_SWITCHES,
		faultKinds: [...DEFAULT_SWITCHES.faultKinds],
		faultTargets: [],
	};
	return applySwitches(switches, parseSwitchesPatch(initial));
}

export function applySwitches(target: SandboxSwitches, patch: SwitchesPatch): SandboxSwitches {
	for (const [key, value] of Object.entries(patch)) {
		if (value !== undefined)
			(target as unknown as Record<string, unknown>)[key] = Array.isArray(value)
				? [...value]
				: value;
	}
	return target;
}
