/**
 * An in-process stand-in for Cartesia's Call Batches API, Get Call and List Calls, served over
 * real HTTP on a local port. The {@code sandbox} profile points the application at it, runs both on
 * one simulated clock and keeps the stand-in's batches in a state folder under {@code data/}, so a
 * whole job runs on a fresh machine with no API key, at any hour, and a stopped one can be
 * restarted; tests start a {@link io.bulkcall.sandbox.SandboxServer} of their own to get a strict
 * server whose state they can inspect and into which they can inject faults.
 */
package io.bulkcall.sandbox;
