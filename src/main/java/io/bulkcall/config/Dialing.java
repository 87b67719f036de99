package io.bulkcall.config;

/**
 * The validation group of the settings only a command that calls Cartesia needs ({@code run},
 * {@code restart}, {@code cancel}): {@code bulkcall validate} dials nobody and {@code bulkcall status}
 * reads the job database only, so neither asks for an agent, a phone number or an API key.
 */
public interface Dialing {
}
