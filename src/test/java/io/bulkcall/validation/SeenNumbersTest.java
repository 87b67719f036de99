package io.bulkcall.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SeenNumbersTest {

    @Test
    void remembersTheFirstLineOfANumber() {
        // given
        SeenNumbers seen = new SeenNumbers();

        // when
        long first = seen.putIfAbsent(12125550143L, 12);
        long second = seen.putIfAbsent(12125550143L, 40);

        // then
        assertThat(first).isEqualTo(-1);
        assertThat(second).isEqualTo(12);
        assertThat(seen.firstLineOf(12125550143L)).isEqualTo(12);
        assertThat(seen.size()).isEqualTo(1);
    }

    @Test
    void answersMinusOneForANumberNeverSeen() {
        assertThat(new SeenNumbers().firstLineOf(12125550143L)).isEqualTo(-1);
    }

    @Test
    void growsFromTheSmallestTableToTwoMillionNumbers() {
        // given a table sized for none, and numbers in one dense range, as a company's numbers often are
        SeenNumbers seen = new SeenNumbers(0);
        long base = 12125550000L;

        // when
        for (int i = 0; i < 2_000_000; i++) {
            seen.putIfAbsent(base + i, i + 2);
        }

        // then
        assertThat(seen.size()).isEqualTo(2_000_000);
        assertThat(IntStream.range(0, 2_000_000).filter(i -> seen.firstLineOf(base + i) != i + 2)).isEmpty();
        assertThat(seen.firstLineOf(base - 1)).isEqualTo(-1);
        assertThat(seen.firstLineOf(base + 2_000_000)).isEqualTo(-1);
    }

    @Test
    void keepsNumbersApartThatDifferOnlyInTheirHighBits() {
        // given numbers whose low 32 bits are equal: they would share a slot under a naive hash
        SeenNumbers seen = new SeenNumbers(0);

        // when
        for (long i = 1; i <= 1_000; i++) {
            seen.putIfAbsent((i << 32) | 7, i);
        }

        // then
        assertThat(seen.size()).isEqualTo(1_000);
        for (long i = 1; i <= 1_000; i++) {
            assertThat(seen.firstLineOf((i << 32) | 7)).isEqualTo(i);
        }
    }

    @Test
    void findsEveryNumberOfATableThreeQuartersFull() {
        // given 12 numbers in a table of 16 slots, the fullest it gets before it grows
        SeenNumbers seen = new SeenNumbers(12);
        for (long n = 1; n <= 12; n++) {
            seen.putIfAbsent(n, n * 10);
        }

        // then
        for (long n = 1; n <= 12; n++) {
            assertThat(seen.firstLineOf(n)).isEqualTo(n * 10);
        }
        assertThat(seen.firstLineOf(13)).isEqualTo(-1);
    }

    @Test
    void forgetsEveryNumberOnceCleared() {
        // given
        SeenNumbers seen = new SeenNumbers(0);
        for (long n = 1; n <= 100; n++) {
            seen.putIfAbsent(n, n);
        }

        // when
        seen.clear();

        // then: empty, and as usable as a new one
        assertThat(seen.size()).isZero();
        assertThat(seen.firstLineOf(1)).isEqualTo(-1);
        assertThat(seen.putIfAbsent(1, 7)).isEqualTo(-1);
        assertThat(seen.firstLineOf(1)).isEqualTo(7);
    }

    @Test
    void keepsTheLargestLineAnIntHolds() {
        SeenNumbers seen = new SeenNumbers();

        seen.putIfAbsent(12125550143L, Integer.MAX_VALUE);

        assertThat(seen.firstLineOf(12125550143L)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void refusesALineBeyondWhatAnIntHolds() {
        assertThatThrownBy(() -> new SeenNumbers().putIfAbsent(12125550143L, Integer.MAX_VALUE + 1L))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("line 2147483648 is not from 0 to 2147483647");
    }

    @Test
    void turnsAnE164NumberIntoItsDigits() {
        assertThat(SeenNumbers.toLong("+12125550143")).isEqualTo(12125550143L);
        assertThat(SeenNumbers.toLong("+999999999999999")).isEqualTo(999999999999999L);
    }

    @Test
    void refusesTextThatIsNotE164() {
        assertThatThrownBy(() -> SeenNumbers.toLong("12125550143")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeenNumbers.toLong("+1 212")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeenNumbers.toLong("+1234567890123456")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesZeroWhichNoNumberIs() {
        assertThatThrownBy(() -> new SeenNumbers().putIfAbsent(0, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
