// Incremental failure propagation over the availability model: a worklist computation of the least fixed point of
// "a node fails when one of its groups has no live member left", started from a few failed nodes on top of the
// baseline. Each failed node decrements the live-member counter of every group it belongs to; a counter reaching
// zero fails the group's owner. A node fails at most once, so one run costs O(k + occurrences of the k failed
// nodes), i.e. proportional to the impact, never to the register.
//
// The scratch buffers (typed arrays) are allocated once per model and restored after each run from two touched
// lists, so running it for every node of a register never reallocates and never clears whole arrays.

import type { AvailabilityModel } from './availability-model.js';

export class FailurePropagator {
  /** 1 for nodes failed in the current run, baseline failures included. */
  readonly failed: Uint8Array;
  /** Live members left in each group in the current run. */
  readonly remaining: Int32Array;
  /** Nodes failed by the current run (not the baseline ones), in the order they failed. */
  readonly failedList: Int32Array;
  failedCount = 0;
  /** Groups whose counter the current run decremented, each once. */
  readonly touchedGroups: Int32Array;
  touchedCount = 0;

  constructor(private readonly model: AvailabilityModel) {
    this.failed = model.baselineFailed.slice();
    this.remaining = model.baselineRemaining.slice();
    this.failedList = new Int32Array(model.nodeCount);
    this.touchedGroups = new Int32Array(model.groupOwner.length);
  }

  fail(v: number): void {
    if (this.failed[v] === 0) {
      this.failed[v] = 1;
      this.failedList[this.failedCount++] = v;
    }
  }

  /** Propagates every failure queued so far to its fixed point. */
  run(): void {
    const { occurrenceStart, occurrenceGroup, groupOwner, baselineRemaining } = this.model;
    const { remaining, touchedGroups, failedList, failed } = this;
    // Counters kept in locals: this loop is the whole cost of a deep register.
    let failedCount = this.failedCount;
    let touchedCount = this.touchedCount;
    for (let head = 0; head < failedCount; head++) {
      const u = failedList[head];
      const end = occurrenceStart[u + 1];
      for (let i = occurrenceStart[u]; i < end; i++) {
        const g = occurrenceGroup[i];
        const left = remaining[g];
        if (left === baselineRemaining[g]) touchedGroups[touchedCount++] = g;
        remaining[g] = left - 1;
        if (left === 1) {
          const owner = groupOwner[g];
          if (failed[owner] === 0) {
            failed[owner] = 1;
            failedList[failedCount++] = owner;
          }
        }
      }
    }
    this.failedCount = failedCount;
    this.touchedCount = touchedCount;
  }

  /** Restores the baseline state, touching only what the last run changed. */
  reset(): void {
    const { baselineRemaining } = this.model;
    for (let i = 0; i < this.touchedCount; i++) {
      const g = this.touchedGroups[i];
      this.remaining[g] = baselineRemaining[g];
    }
    for (let i = 0; i < this.failedCount; i++) this.failed[this.failedList[i]] = 0;
    this.touchedCount = 0;
    this.failedCount = 0;
  }

  /** Makes the current state the model's baseline (used once, while the model is built). */
  commitAsBaseline(): void {
    const { baselineRemaining, baselineFailed } = this.model;
    for (let i = 0; i < this.touchedCount; i++) {
      const g = this.touchedGroups[i];
      baselineRemaining[g] = this.remaining[g];
    }
    for (let i = 0; i < this.failedCount; i++) baselineFailed[this.failedList[i]] = 1;
    this.touchedCount = 0;
    this.failedCount = 0;
  }
}

const propagators = new WeakMap<AvailabilityModel, FailurePropagator>();

export function rememberPropagator(model: AvailabilityModel, propagator: FailurePropagator): void {
  propagators.set(model, propagator);
}

/** The model's reusable propagator, in its baseline state. */
export function propagatorFor(model: AvailabilityModel): FailurePropagator {
  let propagator = propagators.get(model);
  if (propagator === undefined) {
    propagator = new FailurePropagator(model);
    propagators.set(model, propagator);
  }
  return propagator;
}
