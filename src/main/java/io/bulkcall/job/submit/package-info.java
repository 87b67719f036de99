/**
 * The {@code submit} step: staged recipients into Cartesia call batches, each created exactly once
 * under a deterministic name, and the reconciliation with what Cartesia holds when the step starts.
 */
package io.bulkcall.job.submit;
