/**
 * An in-process stand-in for Cartesia's Call Batches API and Get Call, served over real HTTP on
 * a local port. The {@code sandbox} profile points the application at it, so a whole job runs on a
 * fresh machine with no API key; tests start a {@link io.bulkcall.sandbox.SandboxServer} of their
 * own to get a strict server whose state they can inspect and into which they can inject faults.
 */
package io.bulkcall.sandbox;
