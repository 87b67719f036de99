package io.bulkcall.cartesia;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client reads a timestamp as Jackson's own deserializer does, whatever the string: the same
 * value, or a refusal where Jackson refuses one.
 */
class UtcTimestampDeserializerTest {

    private static final JsonMapper CLIENT = CartesiaWebClient.json();

    private static final JsonMapper JACKSON = JsonMapper.builder().build();

    private record Stamped(OffsetDateTime at) {
    }

    @Test
    void readsUtcTimestampsWithAnyFractionAsJacksonDoes() {
        // given: instants from 1970 to 2100, each written with 0 to 9 digits of fraction
        SplittableRandom random = new SplittableRandom(7);
        DateTimeFormatter[] byDigits = IntStream.range(0, 10)
            .mapToObj(digits -> digits == 0 ? "" : "." + "S".repeat(digits))
            .map(fraction -> DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss" + fraction + "'Z'")
                .withZone(ZoneOffset.UTC))
            .toArray(DateTimeFormatter[]::new);
        Stream<String> written = IntStream.range(0, 50_000)
            .mapToObj(i -> byDigits[i % 10].format(Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L),
                    random.nextInt(1_000_000_000))));

        // then
        assertThat(written).allSatisfy(timestamp -> {
            assertThat(UtcTimestampDeserializer.utc(timestamp)).as(timestamp).isNotNull();
            assertThat(read(CLIENT, timestamp)).as(timestamp).isEqualTo(read(JACKSON, timestamp));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "2026-12-07T05:41:57+01:00", "2026-12-07T05:41:57.5-05:00", "2026-12-07T05:41:57+00:00",
        "2026-12-07t05:41:57z", "2026-12-07T05:41Z", "2026-12-07T05:41:57.Z", "2026-12-07T05:41:57.1234567890Z",
        "2026-02-30T05:41:57Z", "2026-12-07T24:00:00Z", "2026-12-07T05:41:60Z", "2026-13-07T05:41:57Z",
        "+12026-12-07T05:41:57Z", "2026-12-07 05:41:57Z", "2026-12-07T05:41:5xZ", "0000-01-01T00:00:00Z",
        "2026-12-07T05:41:57", "", "not a time" })
    void readsEveryOtherStringAsJacksonDoes(String timestamp) {
        assertThat(read(CLIENT, timestamp)).isEqualTo(read(JACKSON, timestamp));
    }

    @Test
    void readsANumberAndANullAsJacksonDoes() {
        assertThat(CLIENT.readValue("{\"at\":1765086117.5}", Stamped.class))
            .isEqualTo(JACKSON.readValue("{\"at\":1765086117.5}", Stamped.class));
        assertThat(CLIENT.readValue("{\"at\":null}", Stamped.class).at()).isNull();
    }

    /** The value read, or the kind of refusal, as a string to compare. */
    private static String read(JsonMapper json, String timestamp) {
        try {
            return String.valueOf(json.readValue("{\"at\":\"" + timestamp + "\"}", Stamped.class).at());
        }
        catch (RuntimeException refused) {
            return "refused: " + refused.getClass().getSimpleName();
        }
    }
}
