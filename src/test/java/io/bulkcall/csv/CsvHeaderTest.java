package io.bulkcall.csv;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvHeaderTest {

    private static final Path FILE = Path.of("contacts.csv");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "to_number", "phone", "phone_number", "Phone Number", "PHONE-NUMBER", "telephone", "mobile",
            "Mobile_Number", "cell", "Cell Phone" })
    void findsTheNumberColumnByAnyOfItsNamesIgnoringCaseSpacesDashesAndUnderscores(String name) {
        // when
        CsvHeader header = header(null, "first_name", name, "city");

        // then
        assertThat(header.numberColumn()).isEqualTo(1);
        assertThat(header.metadataColumns()).containsExactly("first_name", "city");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "time_zone", "timezone", "Time Zone", "TimeZone", "TIME-ZONE" })
    void findsTheTimeZoneColumnByItsNamesIgnoringCaseSpacesDashesAndUnderscoresAndSendsItNot(String name) {
        // when
        CsvHeader header = header(null, "phone", name, "city");

        // then
        assertThat(header.timeZoneColumn()).isEqualTo(1);
        assertThat(header.metadataColumns()).containsExactly("city");
    }

    @Test
    void aToNumberColumnWinsOverTheOtherNamesWhichAreThenData() {
        // when
        CsvHeader header = header(null, "to_number", "Mobile");

        // then
        assertThat(header.numberColumnName()).isEqualTo("to_number");
        assertThat(header.metadataColumns()).containsExactly("Mobile");
    }

    @Test
    void theNumberColumnSettingNamesAColumnOfAnyNameIgnoringCaseSpacesDashesAndUnderscores() {
        // when: --bulkcall.input.number-column="contact mobile"
        CsvHeader header = header("contact mobile", "Name", "Contact-Mobile");

        // then
        assertThat(header.numberColumnName()).isEqualTo("Contact-Mobile");
    }

    @Test
    void theNumberColumnSettingChoosesBetweenTwoUsualNames() {
        // when
        CsvHeader header = header("Mobile", "Phone", "Mobile");

        // then
        assertThat(header.numberColumnName()).isEqualTo("Mobile");
        assertThat(header.metadataColumns()).containsExactly("Phone");
    }

    @Test
    void twoUsualNamesWithoutTheSettingAreRefusedNamingBothAndTheSetting() {
        assertThatThrownBy(() -> header(null, "Name", "Phone", "Mobile"))
            .isInstanceOf(InputFileException.class)
            .hasMessage("contacts.csv, line 1: has 2 columns that may hold the number to dial (Phone, Mobile); name the "
                    + "one to dial with bulkcall.input.number-column, as in --bulkcall.input.number-column=Phone");
    }

    @Test
    void aSettingThatNamesNoColumnIsRefusedWithTheColumnsFound() {
        assertThatThrownBy(() -> header("Telefon", "Name", "Handy"))
            .isInstanceOf(InputFileException.class)
            .hasMessage("contacts.csv, line 1: has no column \"Telefon\", which bulkcall.input.number-column names "
                    + "(columns found: Name, Handy)");
    }

    @Test
    void aMissingNumberColumnInAHeaderHoldingSemicolonsSaysTheFileLooksSemicolonSeparated() {
        assertThatThrownBy(() -> header(null, "Name;Telefon;Stadt"))
            .isInstanceOf(InputFileException.class)
            .hasMessageContaining("(columns found: Name;Telefon;Stadt); the header holds semicolons: the file looks "
                    + "semicolon-separated (bulkcall.input.delimiter=; or auto)");
    }

    private static CsvHeader header(String numberColumnSetting, String... names) {
        return CsvHeader.of(FILE, new CsvRow(1, List.of(names), null), numberColumnSetting);
    }
}
