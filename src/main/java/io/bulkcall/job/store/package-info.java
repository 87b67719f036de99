/**
 * The job's own tables beside Spring Batch's: {@code bc_job}, {@code bc_recipient},
 * {@code bc_rejection}, {@code bc_batch}. Stateless repositories over JDBC, the same SQL on H2 and
 * PostgreSQL.
 */
package io.bulkcall.job.store;
