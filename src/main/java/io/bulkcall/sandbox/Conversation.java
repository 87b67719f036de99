package io.bulkcall.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/**
 * What was said on an answered simulated call: the agent's welcome message, filled from the
 * recipient's dynamic variables as a managed agent fills its prompt, then a short script of turns;
 * and the post-call summary an agent would write of it, opening with the same message. A handful of
 * scripts take turns by the order calls were placed in, so a replayed journal gives every call the
 * conversation it had, and a batch's calls do not all read alike. Immutable.
 */
final class Conversation {

    private record Turn(String role, String text) {
    }

    private static final List<Conversation> SCRIPTS = List.of(
            new Conversation("The recipient confirmed their appointment on Thursday at 10 AM.",
                    new Turn("assistant", "Hi, I'm calling to confirm your appointment on Thursday at 10 AM. "
                            + "Will you be able to make it?"),
                    new Turn("user", "Yes, I'll be there."),
                    new Turn("assistant", "Great, you're all set. Goodbye!")),
            new Conversation("The recipient was busy and asked to be called back tomorrow morning.",
                    new Turn("assistant", "Hello, I'm calling about your recent support request. "
                            + "Is now a good time to talk?"),
                    new Turn("user", "Not really. Could you call me back tomorrow morning?")),
            new Conversation("The recipient rated their last order 4 out of 5; it arrived a day late.",
                    new Turn("assistant", "Hi, we'd love your feedback on your last order. On a scale of one "
                            + "to five, how satisfied were you?"),
                    new Turn("user", "Four. It arrived a day late, but everything was fine."),
                    new Turn("assistant", "Thank you, I've noted that. Is there anything else we could do better?"),
                    new Turn("user", "No, that's all. Bye.")));

    /** {@code {{name}}}, with spaces inside the braces or not. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    /** The share of its slot a turn is spoken in; the rest is the pause before the next one. */
    private static final double SPOKEN = 0.8;

    private final String summary;
    private final List<Turn> turns;

    private Conversation(String summary, Turn... turns) {
        this.summary = summary;
        this.turns = List.of(turns);
    }

    /**
     * The conversation of the call placed {@code sequence}-th.
     *
     * @param welcomeMessage what the agent says first, with its {@code {{name}}} placeholders
     * @param dynamicVariables the recipient's dynamic variables, {@code null} if it has none
     */
    static Conversation ofCall(long sequence, String welcomeMessage, JsonNode dynamicVariables) {
        Conversation script = SCRIPTS.get((int) Math.floorMod(sequence, (long) SCRIPTS.size()));
        String welcome = fill(welcomeMessage, dynamicVariables);
        return new Conversation(welcome + " " + script.summary, Stream.concat(
                Stream.of(new Turn("assistant", welcome)), script.turns.stream()).toArray(Turn[]::new));
    }

    /**
     * The message with each placeholder of a variable the recipient has replaced by its value, a
     * string as it is and a number or a boolean as JSON writes it; any other placeholder left as it
     * is, as a managed agent leaves it.
     */
    private static String fill(String message, JsonNode dynamicVariables) {
        return PLACEHOLDER.matcher(message).replaceAll(placeholder -> {
            JsonNode value = dynamicVariables == null ? null : dynamicVariables.get(placeholder.group(1));
            if (value == null) {
                return Matcher.quoteReplacement(placeholder.group());
            }
            return Matcher.quoteReplacement(value.isString() ? value.asString() : value.toString());
        });
    }

    String summary() {
        return summary;
    }

    /** The turns spread over a call that lasted {@code length}, timestamps in seconds from its start. */
    List<WireFormat.TranscriptTurn> transcript(Duration length) {
        double slot = length.toMillis() / 1000.0 / turns.size();
        return IntStream.range(0, turns.size())
                .mapToObj(i -> new WireFormat.TranscriptTurn(turns.get(i).role(), turns.get(i).text(),
                        seconds(slot * i), seconds(slot * (i + SPOKEN))))
                .toList();
    }

    /** Rounded to the millisecond, as a clock would stamp it. */
    private static double seconds(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
