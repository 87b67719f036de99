/**
 * The job's calls once their batches exist: polling them until every call has ended
 * ({@code await}), and the redial rounds ({@code retry}).
 */
package io.bulkcall.job.calls;
