/**
 * Running a file's job: start, restart or recover it as its history says, the lease that keeps two
 * processes off one job, stopping and cancelling, and the status the {@code status} command shows.
 */
package io.bulkcall.job.launch;
