/**
 * The bulk-call job: its flow ({@link io.bulkcall.job.BulkCallJobConfiguration}), its deciders, and the
 * input file that identifies each instance ({@link io.bulkcall.job.instance.InputFile}). The stages live in
 * subpackages: {@code staging} (the validate step), {@code submit}, {@code calls} (await and redial
 * rounds), {@code launch} (which file runs, who holds it, stop) and {@code store} (the job's tables).
 * See ARCHITECTURE.md.
 */
package io.bulkcall.job;

