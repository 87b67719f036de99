package io.bulkcall.validation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.bulkcall.csv.CsvHeader;
import io.bulkcall.csv.CsvRow;
import io.bulkcall.window.CallingWindowSettings;
import io.bulkcall.window.DailyHours;
import io.bulkcall.window.WeekDays;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowCheckerTest {

    private static final CsvHeader HEADER = new CsvHeader(List.of("to_number"), 0);

    private static final CallingWindowSettings WINDOWS_OFF = new CallingWindowSettings(false,
            DailyHours.parse("09:00-20:00"), WeekDays.parse("MON-SAT"), List.of(), null, Duration.ofMinutes(5));

    private final PhoneNumberNormalizer normalizer = new PhoneNumberNormalizer("US");

    @Test
    void asksTheContactHistoryOnceForTheNumbersAtTheirLimitAndThenOnlyAboutTheRowsThatHoldOne() {
        // given a history in which +1 212 555 0143 is at its limit
        History history = new History(Map.of("+12125550143", "dialed 3 times since 2026-11-25 14:02 UTC (last by job 1); "
                + "next possible after 2026-11-26 14:02 UTC"));
        RowChecker checker = RowChecker.of(normalizer, WINDOWS_OFF, Instant.EPOCH, history);

        // when two blocks are checked, one without that number and one with it
        List<CheckedRow> first = checker.check(rows(2, "+1 212 555 0144", "+1 212 555 0145"), HEADER);
        List<CheckedRow> second = checker.check(rows(4, "+1 212 555 0146", "(212) 555-0143", "not a number"), HEADER);

        // then
        assertThat(history.loads).isOne();
        assertThat(history.asked).containsExactly(List.of("+12125550143"));
        assertThat(first).extracting(CheckedRow::contactLimit).containsOnlyNulls();
        assertThat(second).extracting(CheckedRow::contactLimit)
            .containsExactly(null, history.details.get("+12125550143"), null);
    }

    @Test
    void passesANumberThatLeftItsLimitSinceTheFilesValidationStarted() {
        // given a number at its limit as validation starts, whose oldest dial leaves the period before its row is checked
        History history = new History(Map.of("+12125550143", "dialed 3 times"));
        RowChecker checker = RowChecker.of(normalizer, WINDOWS_OFF, Instant.EPOCH, history);
        history.details = Map.of();

        // when
        List<CheckedRow> checked = checker.check(rows(2, "+12125550143"), HEADER);

        // then
        assertThat(history.asked).containsExactly(List.of("+12125550143"));
        assertThat(checked).extracting(CheckedRow::contactLimit).containsOnlyNulls();
    }

    @Test
    void writesTheMetadataOfARowWithAValidNumberWithTheWriterItWasGiven() {
        // given a checker for the validate step, whose writer is the job database's
        CsvHeader header = new CsvHeader(List.of("name", "to_number", "city", "note"), 1);
        RowChecker checker = RowCheckers.windowsOff(normalizer).writingMetadata(metadata -> "written " + metadata);

        // when
        List<CheckedRow> checked = checker.check(List.of(
                new CsvRow(2, List.of("Ann", "(212) 555-0143", "Paris", " "), null),
                new CsvRow(3, List.of("Bo", "not a number", "Rome", ""), null),
                new CsvRow(4, List.of("", "+12125550144", "", ""), null)), header);

        // then: the row's cells but its number and its empty ones, in file order, and the writer's form
        // of them; nothing for a row whose number is not valid, nor for one without metadata
        assertThat(checked.get(0).metadata()).containsExactly(Map.entry("name", "Ann"), Map.entry("city", "Paris"));
        assertThat(checked.get(0).stagedMetadata()).isEqualTo("written {name=Ann, city=Paris}");
        assertThat(checked.get(1).metadata()).isEmpty();
        assertThat(checked.get(1).stagedMetadata()).isNull();
        assertThat(checked.get(2).metadata()).isEmpty();
        assertThat(checked.get(2).stagedMetadata()).isNull();
    }

    @Test
    void writesNoMetadataWithoutAWriterAsTheValidateCommandDoesNotStageIt() {
        // when
        CheckedRow checked = RowCheckers.windowsOff(normalizer)
            .check(new CsvRow(2, List.of("Ann", "+12125550143"), null), new CsvHeader(List.of("name", "to_number"), 1));

        // then
        assertThat(checked.metadata()).containsExactly(Map.entry("name", "Ann"));
        assertThat(checked.stagedMetadata()).isNull();
    }

    private static List<CsvRow> rows(long firstLine, String... numbers) {
        List<CsvRow> rows = new ArrayList<>();
        for (int i = 0; i < numbers.length; i++) {
            rows.add(new CsvRow(firstLine + i, List.of(numbers[i]), null));
        }
        return rows;
    }

    /** A contact history that counts what it is asked. */
    private static final class History implements ContactLimits {

        private final SeenNumbers atLimit = new SeenNumbers();

        private Map<String, String> details;

        private int loads;

        private final List<List<String>> asked = new ArrayList<>();

        History(Map<String, String> details) {
            this.details = details;
            details.keySet().forEach(number -> atLimit.putIfAbsent(SeenNumbers.toLong(number), 3));
        }

        @Override
        public SeenNumbers numbersAtLimit() {
            loads++;
            return atLimit;
        }

        @Override
        public Map<String, String> atLimit(Collection<String> e164) {
            asked.add(List.copyOf(e164));
            return e164.stream().filter(details::containsKey).collect(Collectors.toMap(number -> number, details::get));
        }
    }
}
