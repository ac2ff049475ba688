// Counts what the sandbox answered during a case, from its onRequestLogged hook (its own log
// keeps only the last 10,000 requests; a rate-limited case can make more).
import type { LoggedRequest, ServiceName } from '../sandbox/index.cjs';
import { isTokenRequest } from './ops.cjs';

export interface Counts {
	requests: number;
	rateLimited: number;
	tokenRequests: number;
	writesAccepted: number;
}

export class RequestTally {
	private service?: ServiceName;
	private isWrite: (e: LoggedRequest) => boolean = () => false;
	private counts: Counts = { requests: 0, rateLimited: 0, tokenRequests: 0, writesAccepted: 0 };

	/** Starts counting requests to `service` from zero. */
	start(service: ServiceName, isWrite: (e: LoggedRequest) => boolean): void {
		this.service = service;
		this.isWrite = isWrite;
		this.counts = { requests: 0, rateLimited: 0, tokenRequests: 0, writesAccepted: 0 };
	}

	stop(): Counts {
		this.service = undefined;
		return { ...this.counts };
	}

	add = (e: LoggedRequest): void => {
		if (!this.service || e.service !== this.service) return;
		if (isTokenRequest(e)) {
			this.counts.tokenRequests += 1;
			return;
		}
		this.counts.requests += 1;
		if (e.injected === 'rate-limited') this.counts.rateLimited += 1;
		if (this.isWrite(e) && e.status >= 200 && e.status < 300) this.counts.writesAccepted += 1;
	};
}
