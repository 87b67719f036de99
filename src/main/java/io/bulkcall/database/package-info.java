/**
 * The job database as bulkcall opens it: an H2 file made durable and shareable whatever URL points
 * at it ({@link io.bulkcall.database.H2FileUrl}, {@link io.bulkcall.database.SharedH2FileDatabase}),
 * or PostgreSQL as configured. See ARCHITECTURE.md, "The job's tables".
 */
package io.bulkcall.database;
