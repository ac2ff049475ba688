// Small numeric helpers: least squares, median, safe ratios.

export interface LinearFit {
	slope: number;
	intercept: number;
	/** Coefficient of determination, 1 = a straight line; 1 too when all y are equal. */
	r2: number;
}

/** Ordinary least squares y = slope·x + intercept. Needs at least two distinct x. */
export function linearFit(points: ReadonlyArray<readonly [number, number]>): LinearFit {
	const n = points.length;
	if (n < 2) throw new Error('linearFit needs at least two points');
	const mx = points.reduce((s, [x]) => s + x, 0) / n;
	const my = points.reduce((s, [, y]) => s + y, 0) / n;
	let sxx = 0;
	let sxy = 0;
	let syy = 0;
	for (const [x, y] of points) {
		sxx += (x - mx) ** 2;
		sxy += (x - mx) * (y - my);
		syy += (y - my) ** 2;
	}
	if (sxx === 0) throw new Error('linearFit needs at least two distinct x');
	const slope = sxy / sxx;
	const intercept = my - slope * mx;
	const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
	return { slope, intercept, r2 };
}

export function median(values: readonly number[]): number {
	if (values.length === 0) return NaN;
	const s = [...values].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** a ÷ b, or undefined when either is missing or b is 0. */
export function ratio(a: number | undefined, b: number | undefined): number | undefined {
	if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0)
		return undefined;
	return a / b;
}

export function round(value: number, digits = 2): number {
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}
