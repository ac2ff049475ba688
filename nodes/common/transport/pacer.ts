import { sleep } from 'n8n-workflow';
import { readRateLimit } from './rate-limit-headers';

/** A pace kept below what was measured, so jitter in arrival times does not meet the limit. */
const MARGIN = 0.99;
/** Each further 429 event slows the pace by this factor (the measurement was too high). */
const CUT = 0.9;
/**
 * After each second without a 429 the pace grows by a tenth, up to the ceiling: a limit that
 * tightened for a while (other clients on the same account) does not slow the rest of a long run.
 */
const CREEP_AFTER_MS = 1_000;
const CREEP = 1.1;
/** Sends are counted over the second before a 429 (a rate is per second). */
const WINDOW_MS = 1_000;

/** A send as the pacer counts it. */
interface Send {
	startedAt: number;
	/** Whether the API took it: undefined while unanswered; false for a 429, a 5xx or no answer. */
	taken?: boolean;
}

/** The sends of the second before a 429, counted again once every one of them is answered. */
interface Measure {
	sends: Send[];
	/** The first 429 of the run: the pace is what this measure says, not a cut of it. */
	first: boolean;
	epoch: number;
}

/** What a send was: when it started, so a 429 can be matched to the pace it went out under. */
export interface Ticket {
	startedAt: number;
	/** Time spent waiting for a Retry-After (not for a pacing slot). */
	waitedMs: number;
	/** Which pace it went out under: a 429 of a send paced before the last change is old news. */
	epoch: number;
	/** The pacer's record of this send. */
	readonly send: Send;
}

/**
 * One per client (so per node execution and credential), in front of every send. Instead of
 * probing a rate limit with 429s, it learns the rate and spaces sends out:
 * - from rate-limit headers when the API sends them (limit per window; nothing left → wait for
 *   the reset);
 * - otherwise from the first 429: the sends of the second before it that the API took are what
 *   it takes per second; later 429s cut the pace, quiet seconds let it grow back, never above
 *   what was measured.
 * Without a limit it never holds anything back. A 429's Retry-After still holds every send of
 * the execution back until then.
 */
export class Pacer {
	private notBefore = 0;
	private nextSlot = 0;
	/** Sends per second; undefined until a limit shows. */
	private pace: number | undefined;
	private ceiling = Number.POSITIVE_INFINITY;
	/** The rate the headers last announced: a change re-sets the pace, a repeat does not. */
	private announced: number | undefined;
	private epoch = 0;
	private lastEventAt = Number.NEGATIVE_INFINITY;
	private lastCreepAt = 0;
	/** Sends of about the last two seconds, oldest first. */
	private readonly sends: Send[] = [];
	/** Measures still waiting for answers. */
	private measures: Measure[] = [];

	constructor(
		private readonly now: () => number = Date.now,
		private readonly wait: (ms: number) => Promise<void> = sleep,
	) {}

	/** Sends per second the pacer keeps to, or undefined while it has seen no limit. */
	get rate(): number | undefined {
		return this.pace;
	}

	closeFor(ms: number): void {
		this.notBefore = Math.max(this.notBefore, this.now() + ms);
	}

	/** Waits for the gate and for this send's slot. Every enter() is followed by one leave(). */
	async enter(): Promise<Ticket> {
		let waitedMs = 0;
		for (;;) {
			const closed = this.notBefore - this.now();
			if (closed > 0) {
				await this.wait(closed);
				waitedMs += closed;
				continue;
			}
			if (this.pace === undefined) return this.ticket(waitedMs);
			this.creep();
			const slot = Math.max(this.now(), this.nextSlot);
			this.nextSlot = slot + 1000 / this.pace;
			if (slot > this.now()) await this.wait(slot - this.now());
			// A Retry-After that arrived meanwhile applies to this send too.
			if (this.notBefore <= this.now()) return this.ticket(waitedMs);
		}
	}

	/** A send ended with this answer (no status: no answer at all). */
	leave(ticket: Ticket, answer: { status?: number; headers?: Record<string, unknown> } = {}): void {
		const info = readRateLimit(answer.headers ?? {}, this.now());
		if (info) this.learnFromHeaders(info);
		// Only what the API took counts towards what it takes per second.
		ticket.send.taken = answer.status !== undefined && answer.status !== 429 && answer.status < 500;
		if (this.measures.length > 0) this.settle();
		if (answer.status !== 429) return;
		// 429s of sends that went out before the last change of pace belong to that same event.
		// Under an announced limit the headers say when to go on (remaining 0 → reset).
		if (ticket.epoch < this.epoch || this.announced !== undefined) return;
		this.epoch++;
		this.lastEventAt = this.now();
		this.lastCreepAt = this.now();
		const measure: Measure = {
			sends: this.sends.filter(
				(send) =>
					send.startedAt >= ticket.startedAt - WINDOW_MS && send.startedAt <= ticket.startedAt,
			),
			first: this.pace === undefined,
			epoch: this.epoch,
		};
		// For now, what is known to have been taken; the rest as their answers come (settle).
		const measured = takenOf(measure);
		if (measure.first && measure.sends.some((send) => send.taken === undefined)) {
			this.measures.push(measure);
		}
		if (this.pace === undefined) {
			this.ceiling = Math.max(1, measured) * MARGIN;
			this.pace = this.ceiling;
		} else {
			// A cut is for now; the ceiling is the most the API was seen to take in a second.
			this.ceiling = Math.max(this.ceiling, measured * MARGIN);
			this.pace = Math.max(0.1, this.pace * CUT);
		}
	}

	private learnFromHeaders(info: ReturnType<typeof readRateLimit> & object): void {
		if (info.limit !== undefined && info.windowSeconds !== undefined && info.windowSeconds > 0) {
			const rate = info.limit / info.windowSeconds;
			if (rate > 0 && rate !== this.announced) {
				this.announced = rate;
				this.ceiling = rate;
				this.pace = rate;
				this.epoch++;
			}
		}
		if (info.remaining === 0 && info.resetSeconds !== undefined) {
			this.closeFor(Math.ceil(info.resetSeconds * 1000));
		}
	}

	/**
	 * The second before a 429 is counted by when sends STARTED, and a send counts once its answer
	 * says the API took it. Answers come a round trip after their sends and, with n8n reading them
	 * late under load, not in send order: counting only the answers in by the time the 429 is read
	 * misses sends the API had already counted when it refused this one, and the learned rate comes
	 * out too low (a slow run) — or, cut and crept back, wrong either way. So a measure is kept
	 * until every send of its second is answered, then raises the ceiling (and, for the first 429,
	 * the pace) to what the API really took. Refused sends (429) do not count: the API did not take
	 * them, and counting them would take a burst of retries for capacity; 5xx and lost sends may
	 * never have reached the limit. Sends of the same instant as the refused one count when taken:
	 * the API took them first.
	 */
	private settle(): void {
		this.measures = this.measures.filter((measure) => {
			if (measure.sends.some((send) => send.taken === undefined)) return true;
			const rate = takenOf(measure) * MARGIN;
			if (rate > this.ceiling && this.announced === undefined) {
				this.ceiling = rate;
				// No 429 since the first one: the pace is still the measured one.
				if (measure.first && measure.epoch === this.epoch) this.pace = rate;
			}
			return false;
		});
	}

	private ticket(waitedMs: number): Ticket {
		const send: Send = { startedAt: this.now() };
		this.sends.push(send);
		while (this.sends[0].startedAt < send.startedAt - 2 * WINDOW_MS) this.sends.shift();
		return { startedAt: send.startedAt, waitedMs, epoch: this.epoch, send };
	}

	private creep(): void {
		if (this.pace === undefined || this.pace >= this.ceiling) return;
		const now = this.now();
		if (now - this.lastEventAt < CREEP_AFTER_MS || now - this.lastCreepAt < CREEP_AFTER_MS) return;
		this.lastCreepAt = now;
		this.pace = Math.min(this.ceiling, this.pace * CREEP);
	}
}

function takenOf(measure: Measure): number {
	return measure.sends.filter((send) => send.taken === true).length;
}
