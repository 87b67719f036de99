/**
 * How fast a running job's calls finish: samples of its progress taken at each poll of the await
 * step and kept with its checkpoint, from which {@code bulkcall status} works out a rate and an ETA
 * without asking Cartesia.
 */
package io.bulkcall.job.progress;
