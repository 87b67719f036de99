/**
 * The {@code validate} step's plumbing: the input read with its numbers checked, screened, and staged
 * in the job database or written to {@code rejected.csv}; and the end of a file refused by validation.
 */
package io.bulkcall.job.staging;
