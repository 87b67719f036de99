package io.bulkcall.validation;

import io.bulkcall.config.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumberNormalizerTest {

    private final PhoneNumberNormalizer us = new PhoneNumberNormalizer("US");

    private final PhoneNumberNormalizer gb = new PhoneNumberNormalizer("GB");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "+1 212 555 0143     | +12125550143",
        "(212) 555-0143      | +12125550143",
        "212.555.0143        | +12125550143",
        "1 212 555 0143      | +12125550143",
        "tel:+1-212-555-0143 | +12125550143",
        "+44 20 7183 8750    | +442071838750",
        "0049 30 1234567     | +49301234567",
        "011 44 20 7183 8750 | +442071838750",
    })
    void acceptsTheCommonWaysOfWritingANumber(String written, String e164) {
        assertThat(e164(us.normalize(written))).isEqualTo(e164);
    }

    @Test
    void readsANumberWithItsCountryCodeButNoPlusInTheDefaultRegion() {
        assertThat(e164(gb.normalize("447911123456"))).isEqualTo("+447911123456");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   " })
    void reportsAnEmptyCellAsAMissingNumber(String cell) {
        assertThat(us.normalize(cell))
            .isEqualTo(new NumberCheck.Invalid(RejectionReason.MISSING_NUMBER, "the number is empty"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "call me later      | not a number",
        "212555014          | too short for region US",
        "21255501433        | too long for region US",
        "+999 1234567       | invalid country code",
        "+1 555 555 0143    | not a valid number for region US",
        "+44 20 7183 875    | not a valid number for region GB",
        "2125550143333333333| too long",
    })
    void saysWhyANumberIsInvalid(String written, String detail) {
        assertThat(us.normalize(written)).isEqualTo(new NumberCheck.Invalid(RejectionReason.INVALID_NUMBER, detail));
    }

    @Test
    void recognisesScientificNotationFromASpreadsheet() {
        assertThat(us.normalize("4.15555E+10")).isEqualTo(invalid(
                "a spreadsheet turned it into 4.15555E+10, losing digits; format the column as text and enter the numbers again"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "2125550143.0", "+12125550143.0", "2125550143,00" })
    void recognisesANumberStoredAsADecimal(String cell) {
        assertThat(us.normalize(cell)).isEqualTo(invalid("a spreadsheet or a script stored it as the decimal " + cell
                + "; format the column as text and enter the numbers again"));
    }

    @Test
    void neverReadsTheZeroOfADecimalAsADigitWhereNumbersVaryInLength() {
        PhoneNumberNormalizer de = new PhoneNumberNormalizer("DE");
        assertThat(e164(de.normalize("030123456780"))).as("the digits with the zero, a valid number").isEqualTo("+4930123456780");

        assertThat(de.normalize("3012345678.0")).isInstanceOf(NumberCheck.Invalid.class);
    }

    @Test
    void rejectsACellOfTwoNumbersSayingSo() {
        assertThat(us.normalize("212-555-0143 / 212-555-0144")).isEqualTo(invalid("holds 2 numbers; give each its own row"));
        assertThat(us.normalize("+1 212 555 0143 or +44 20 7946 0018")).isEqualTo(invalid("holds 2 numbers; give each its own row"));
        assertThat(us.normalize("2125550143 2125550144")).isEqualTo(invalid("holds 2 numbers; give each its own row"));
    }

    @Test
    void saysAWordBesideTheNumberMadeItUnreadableWhereLibphonenumberReadItsLettersAsDigits() {
        assertThat(us.normalize("212 555 0143 (mobile)")).isEqualTo(invalid("has words beside the number (mobile); keep the number alone"));
        assertThat(us.normalize("+1 212 555 0143 ext")).isEqualTo(invalid("has words beside the number (ext); keep the number alone"));
        assertThat(us.normalize("1-800-FLOWER")).as("a vanity number's letters are its digits")
            .isEqualTo(invalid("not a valid number for region US"));
    }

    @Test
    void rejectsASpreadsheetFormulaThatEndsInDigits() {
        assertThat(us.normalize("=2125550143")).isEqualTo(invalid(
                "is a spreadsheet formula, not a number; format the column as text and enter the numbers again"));
    }

    @Test
    void recognisesALeadingPlusLostToASpreadsheet() {
        assertThat(us.normalize("442071838750")).isEqualTo(invalid(
                "looks like +442071838750 with its leading + lost, probably by a spreadsheet; format the column as text and enter the numbers again"));
    }

    @Test
    void recognisesALeadingZeroLostToASpreadsheetEvenWhenWhatIsLeftIsValid() {
        assertThat(gb.normalize("7911123456")).isEqualTo(invalid(
                "looks like 07911123456 with its leading 0 lost, probably by a spreadsheet; format the column as text and enter the numbers again"));
    }

    @Test
    void recognisesALeadingZeroLostToASpreadsheetWhereTheZeroIsPartOfTheNumber() {
        assertThat(new PhoneNumberNormalizer("IT").normalize("612345678")).isEqualTo(invalid(
                "looks like 0612345678 with its leading 0 lost, probably by a spreadsheet; format the column as text and enter the numbers again"));
    }

    @Test
    void acceptsANationalNumberWrittenWithItsLeadingZero() {
        assertThat(e164(gb.normalize("07911 123456"))).isEqualTo("+447911123456");
    }

    @Test
    void rejectsANumberWithAnExtension() {
        assertThat(us.normalize("212-555-0143 ext. 12"))
            .isEqualTo(invalid("has an extension (12), which cannot be dialed; remove it"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1-2                 | not a number",
        "12                  | too short for region US",
        "0-0 44 20 7183 8750 | too long for region US",
    })
    void givesLibphonenumbersAnswerForACellAsWrittenWhateverItsSeparators(String written, String detail) {
        // cells of digits and separators are parsed without their separators, except where that would
        // change the answer: two digits, or a 00 that is not at the start of the cell
        assertThat(us.normalize(written)).isEqualTo(invalid(detail));
    }

    @Test
    void readsADoubleZeroAfterSeparatorsAsLibphonenumberDoesInARegionThatDialsAbroadWithIt() {
        assertThat(e164(gb.normalize("0 044 20 7183 8750"))).isEqualTo("+442071838750");
    }

    @Test
    void refusesARegionWithoutPhoneNumbers() {
        assertThatThrownBy(() -> new PhoneNumberNormalizer("XX"))
            .isInstanceOf(InvalidSettingException.class)
            .hasMessage("bulkcall.validation.default-region=XX: is not a region with phone numbers; use its ISO 3166 code, such as US or GB");
    }

    @Test
    void namesTheUnitedKingdomsCodeForUk() {
        assertThatThrownBy(() -> new PhoneNumberNormalizer("UK"))
            .isInstanceOf(InvalidSettingException.class)
            .hasMessage("bulkcall.validation.default-region=UK: is not a region code; the United Kingdom's is GB");
    }

    private static NumberCheck.Invalid invalid(String detail) {
        return new NumberCheck.Invalid(RejectionReason.INVALID_NUMBER, detail);
    }

    private static String e164(NumberCheck check) {
        assertThat(check).isInstanceOf(NumberCheck.Valid.class);
        return ((NumberCheck.Valid) check).e164();
    }
}
