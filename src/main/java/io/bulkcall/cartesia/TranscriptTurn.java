package io.bulkcall.cartesia;

/**
 * One turn of a call's transcript ({@code AgentTranscript}); tool calls, latencies and the other
 * fields Cartesia sends are not read.
 *
 * @param role who spoke: {@code user}, {@code assistant} or {@code system}, kept as sent
 * @param text what was said
 * @param startTimestamp seconds from the start of the call; 0 when Cartesia sent none
 * @param endTimestamp seconds from the start of the call; 0 when Cartesia sent none
 */
public record TranscriptTurn(String role, String text, double startTimestamp, double endTimestamp) {
}
