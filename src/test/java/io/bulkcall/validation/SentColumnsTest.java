package io.bulkcall.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.bulkcall.config.CartesiaVersion;
import io.bulkcall.config.DynamicVariableLimits;
import io.bulkcall.csv.InputFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.bulkcall.config.CartesiaVersion.V2026_03_01;
import static io.bulkcall.config.CartesiaVersion.V2026_08_14;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a file's columns become at Cartesia: under {@code 2026-08-14} each a dynamic variable named by
 * one rule, refused before anything is dialed where Cartesia would refuse it; under {@code 2026-03-01}
 * each a metadata entry under its header.
 */
class SentColumnsTest {

    private static final Path FILE = Path.of("people.csv");

    @ParameterizedTest(name = "{0} is sent as {1}")
    @CsvSource(delimiter = '|', value = { "first_name|first_name", "AppointmentDate|AppointmentDate",
            "_private|_private", "First Name|First_Name", "Prénom|Prenom", "  e-mail  |e_mail",
            "2nd phone|_2nd_phone", "Größe (cm)|Gro_e_cm", "__appointment date__|appointment_date" })
    void aValidNameIsKeptAndAnyOtherHeaderIsRenamedByOneRule(String header, String name) {
        assertThat(SentColumns.variableName(header)).isEqualTo(name);
    }

    @Test
    void underTheLaterVersionColumnsAreVariablesAndTheRenamedOnesSaySo() {
        // when
        SentColumns columns = SentColumns.of(FILE, List.of("first_name", "Appointment Date"), V2026_08_14, List.of());

        // then
        assertThat(columns.sent()).extracting(SentColumns.Column::name).containsExactly("first_name", "Appointment_Date");
        assertThat(columns.describe())
            .isEqualTo("columns sent as dynamic_variables: first_name, Appointment_Date; renamed: Appointment Date → Appointment_Date");
    }

    @Test
    void underTheEarlierVersionColumnsAreMetadataUnderTheirHeadersWhateverTheyAre() {
        // when
        SentColumns columns = SentColumns.of(FILE, List.of("First Name", "system__id", "x".repeat(70)), V2026_03_01,
                List.of());

        // then
        assertThat(columns.sent()).allMatch(column -> column.header().equals(column.name()));
        assertThat(columns.describe()).startsWith("columns sent as metadata: First Name, system__id, ");
    }

    @Test
    void aColumnKeptAwayIsNotSentInEitherVersionMatchedIgnoringCaseAndSpaces() {
        // when
        SentColumns columns = SentColumns.of(FILE, List.of("first_name", "Note", "customer_id"), V2026_08_14,
                List.of(" note ", "CUSTOMER_ID"));

        // then
        assertThat(columns.sent()).extracting(SentColumns.Column::header).containsExactly("first_name");
        assertThat(columns.notSent()).containsExactly("Note", "customer_id");
        assertThat(columns.describe()).endsWith("; not sent: Note, customer_id");
    }

    @Test
    void aNameKeptAwayThatIsNoColumnIsAWarningNotARefusal() {
        // when
        SentColumns columns = SentColumns.of(FILE, List.of("first_name"), V2026_08_14, List.of("nickname"));

        // then
        assertThat(columns.warnings())
            .containsExactly("bulkcall.columns.not-sent names \"nickname\", which is not a column of the file");
    }

    @Test
    void twoHeadersThatMapToOneNameAreRefusedNamingBoth() {
        assertThatThrownBy(() -> SentColumns.of(FILE, List.of("First Name", "First_Name"), V2026_08_14, List.of()))
            .isInstanceOf(InputFileException.class)
            .hasMessage("people.csv, line 1: columns \"First Name\", \"First_Name\" would all be the dynamic variable "
                    + "First_Name; rename all but one, or keep them away with bulkcall.columns.not-sent");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "system__caller", "secret__token", "System__Caller" })
    void aNameWithAReservedPrefixIsRefused(String header) {
        assertThatThrownBy(() -> SentColumns.of(FILE, List.of(header), V2026_08_14, List.of()))
            .isInstanceOf(InputFileException.class)
            .hasMessageContaining("column \"" + header + "\" would be the dynamic variable " + header
                    + ", but Cartesia reserves the prefix ");
    }

    @Test
    void aNameOf64CharactersIsSentAndOneOf65IsRefused() {
        String longest = "a".repeat(DynamicVariableLimits.MAX_NAME);
        assertThat(SentColumns.of(FILE, List.of(longest), V2026_08_14, List.of()).sent()).hasSize(1);
        assertThatThrownBy(() -> SentColumns.of(FILE, List.of(longest + "b"), V2026_08_14, List.of()))
            .isInstanceOf(InputFileException.class)
            .hasMessageContaining("of 65 characters; Cartesia takes names of at most 64");
    }

    @Test
    void sixtyFourColumnsAreSentAndSixtyFiveAreRefusedUnlessOneIsKeptAway() {
        List<String> columns = new ArrayList<>(IntStream.range(0, 64).mapToObj(i -> "c" + i).toList());
        assertThat(SentColumns.of(FILE, columns, V2026_08_14, List.of()).sent()).hasSize(64);
        columns.add("c64");
        assertThatThrownBy(() -> SentColumns.of(FILE, columns, V2026_08_14, List.of()))
            .isInstanceOf(InputFileException.class)
            .hasMessageContaining("65 columns would be sent as dynamic variables; Cartesia takes at most 64");
        assertThat(SentColumns.of(FILE, columns, V2026_08_14, List.of("c0")).sent()).hasSize(64);
    }

    @Test
    void aHeaderWithNothingToNameAVariableAfterIsRefused() {
        assertThatThrownBy(() -> SentColumns.of(FILE, List.of("名前"), V2026_08_14, List.of()))
            .isInstanceOf(InputFileException.class)
            .hasMessageContaining("column \"名前\" has no letter, digit or _ to name a dynamic variable after");
    }

    @Test
    void aRowsFieldsAreItsNonEmptySentCellsUnderTheirNamesInFileOrder() {
        // given
        SentColumns columns = SentColumns.of(FILE, List.of("First Name", "note", "city"), V2026_08_14, List.of("note"));
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("First Name", "Zoë");
        cells.put("note", "private");

        // when
        Map<String, String> fields = columns.fieldsOf(cells);

        // then
        assertThat(fields).containsExactly(Map.entry("First_Name", "Zoë"));
    }

    @Test
    void variablesOf16384BytesOfJsonFitAndOf16385DoNotMeasuredAsSerialized() {
        // given {"note":"…"}: 11 bytes around the value, whose "é" takes two bytes and '"' an escape each
        SentColumns columns = SentColumns.of(FILE, List.of("note"), V2026_08_14, List.of());
        String fitting = "é\"" + "x".repeat(DynamicVariableLimits.MAX_BYTES - 11 - 4);

        // then
        assertThat(columns.oversize(Map.of("note", fitting))).isEmpty();
        assertThat(columns.oversize(Map.of("note", fitting + "x"))).contains(DynamicVariableLimits.MAX_BYTES + 1);
    }

    @Test
    void metadataIsNeverMeasured() {
        SentColumns columns = SentColumns.of(FILE, List.of("note"), CartesiaVersion.V2026_03_01, List.of());
        assertThat(columns.oversize(Map.of("note", "x".repeat(100_000)))).isEmpty();
    }
}
