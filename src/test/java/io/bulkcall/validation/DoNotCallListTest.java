package io.bulkcall.validation;

import static io.bulkcall.csv.Fixtures.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.bulkcall.csv.InputFileException;

class DoNotCallListTest {

    private final PhoneNumberNormalizer normalizer = new PhoneNumberNormalizer("US");

    @Test
    void loadsAPlainListSkippingCommentsAndBlankLines() {
        // when
        DoNotCallList list = DoNotCallList.load(file("validation/dnc-plain.txt"), normalizer);

        // then
        assertThat(list.size()).isEqualTo(3);
        assertThat(list.contains("+12125550199")).isTrue();
        assertThat(list.contains("+12125550198")).isTrue();
        assertThat(list.contains("+442071838750")).isTrue();
        assertThat(list.contains("+12125550143")).isFalse();
    }

    /**
     * The second file is a list as Excel saves it once cells right of the data were touched: {@code phone,,}
     * on every line; the last two are separated as input files may be, by semicolons and by tabs.
     */
    @ParameterizedTest
    @ValueSource(strings = { "validation/dnc.csv", "validation/dnc-excel-padded.csv", "validation/dnc-semicolons.csv",
            "validation/dnc-tabs.txt" })
    void loadsTheNumberColumnOfACsvFileWithAHeaderWhateverEmptyCellsExcelWritesRightOfIt(String csv) {
        // when
        DoNotCallList list = DoNotCallList.load(file(csv), normalizer);

        // then
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.contains("+12125550199")).isTrue();
        assertThat(list.contains("+12125550198")).isTrue();
    }

    @Test
    void saysWhereANumberIsListed() {
        // when
        DoNotCallList list = DoNotCallList.load(file("validation/dnc.csv"), normalizer);

        // then
        assertThat(list.whereListed("+12125550198")).isEqualTo("dnc.csv, line 4");
    }

    @Test
    void failsOnALineThatIsNotANumberNamingTheListAndTheLine() {
        assertThatThrownBy(() -> DoNotCallList.load(file("validation/dnc-bad-line.txt"), normalizer))
            .isInstanceOf(InputFileException.class)
            .hasMessage("dnc-bad-line.txt, line 3: \"not a number\" is not a number that can be matched (not a number); "
                    + "fix or remove it, the do-not-call list is not used until then");
    }

    @Test
    void failsOnAPlainListLineWithMoreThanOneColumn() {
        assertThatThrownBy(() -> DoNotCallList.load(file("validation/dnc-two-columns.txt"), normalizer))
            .isInstanceOf(InputFileException.class)
            .hasMessage("dnc-two-columns.txt, line 1: has 2 columns; a do-not-call list without a header holds one number per line");
    }

    @Test
    void failsWhenTheListIsMissing() {
        assertThatThrownBy(() -> DoNotCallList.load(Path.of("no-such-dnc.txt"), normalizer))
            .isInstanceOf(InputFileException.class)
            .hasMessage("no-such-dnc.txt: does not exist");
    }

    @Test
    void isEmptyWhenNoListIsConfigured() {
        // when
        DoNotCallList list = DoNotCallList.load(null, normalizer);

        // then
        assertThat(list.size()).isZero();
        assertThat(list.contains("+12125550199")).isFalse();
    }
}
