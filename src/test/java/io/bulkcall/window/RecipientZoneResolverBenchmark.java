package io.bulkcall.window;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the per-row cost of finding a recipient's zones, on numbers already parsed and typed (that is
 * the number check's cost): distinct numbers in several NANP area codes, toll-free among them, London and
 * Australian mobiles. A benchmark, not a test: it prints its figures and checks only that numbers
 * were found zones. The normal build leaves it out; the {@code benchmark} Maven profile runs it:
 * {@code ./mvnw -B -Pbenchmark verify}.
 */
class RecipientZoneResolverBenchmark {

    private static final int NUMBERS = 200_000;

    private static final List<String> PREFIXES = List.of("+1 212 2", "+1 312 2", "+1 415 2", "+1 617 2", "+1 702 2",
            "+1 808 2", "+1 907 2", "+1 800 2", "+44 20 7", "+61 4 12");

    @Test
    void resolvesEachNumberInAFewMicroseconds() {
        List<TypedNumber> numbers = IntStream.range(0, NUMBERS)
            .mapToObj(i -> RecipientZoneResolverTest.number(PREFIXES.get(i % PREFIXES.size()) + String.format("%06d", i)))
            .map(number -> new TypedNumber(number, PhoneNumberUtil.getInstance().getNumberType(number)))
            .toList();
        for (int round = 1; round <= 3; round++) {
            measure("1 thread ", numbers, false);
            measure("2 threads", numbers, true);
        }
    }

    private static void measure(String label, List<TypedNumber> numbers, boolean parallel) {
        RecipientZoneResolver resolver = new RecipientZoneResolver(RecipientZoneResolverTest.settings("09:00-20:00", null),
                Instant.parse("2026-01-14T12:00:00Z"));
        long start = System.nanoTime();
        // filtered, so that count() cannot skip the resolving as it may for a sized stream
        long found = (parallel ? numbers.parallelStream() : numbers.stream())
            .filter(number -> resolver.resolve(number.number(), number.type(), null) instanceof ZoneResolution.Found)
            .count();
        double micros = (System.nanoTime() - start) / 1_000.0 / numbers.size();
        System.out.printf("zones of a number, %s: %.2f µs/number (%.0f numbers/s)%n", label, micros, 1_000_000 / micros);
        assertThat(found).isPositive();
    }

    private record TypedNumber(PhoneNumber number, PhoneNumberType type) {
    }
}
