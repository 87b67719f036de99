package io.bulkcall.job.staging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.bulkcall.config.CartesiaVersion;
import io.bulkcall.input.InputFixtures;
import io.bulkcall.validation.CheckedRow;
import io.bulkcall.validation.ContactLimits;
import io.bulkcall.validation.PhoneNumberNormalizer;
import io.bulkcall.validation.RowChecker;
import io.bulkcall.validation.SentColumns;
import io.bulkcall.window.CallingWindowSettings;
import io.bulkcall.window.DailyHours;
import io.bulkcall.window.WeekDays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validate step's reader keeps its place in the step's ExecutionContext under the key a stopped
 * job's database already holds, {@code numberCheckingReader.read.count}, and a restart resumes there.
 */
class CheckedRowReaderTest {

    @TempDir
    Path dir;

    @Test
    void savesTheRowsReturnedUnderItsPersistedKeyAndResumesAfterThem() throws IOException {
        // given a first execution that returned two of three rows
        Path csv = Files.writeString(dir.resolve("in.csv"), "to_number\n+12125550143\n+12125550178\n+12125550199\n");
        ExecutionContext saved = new ExecutionContext();
        CheckedRowReader first = reader(csv);
        first.open(new ExecutionContext());
        first.read();
        first.read();
        first.update(saved);
        first.close();

        // when the next execution opens with that context
        CheckedRowReader second = reader(csv);
        second.open(saved);
        CheckedRow next = second.read();
        CheckedRow end = second.read();
        second.close();

        // then
        assertThat(saved.getLong("numberCheckingReader.read.count")).isEqualTo(2);
        assertThat(next.rawNumber()).isEqualTo("+12125550199");
        assertThat(end).isNull();
    }

    private static CheckedRowReader reader(Path csv) {
        CallingWindowSettings off = new CallingWindowSettings(false, DailyHours.parse("09:00-20:00"),
                WeekDays.parse("MON-SAT"), List.of(), null, Duration.ofMinutes(5));
        CheckedRowReader reader = new CheckedRowReader(csv, InputFixtures.inputFiles(),
                RowChecker.of(new PhoneNumberNormalizer("US"), off, Instant.EPOCH, ContactLimits.NONE), Runnable::run,
                (file, header) -> SentColumns.of(file, header.metadataColumns(), CartesiaVersion.V2026_03_01, List.of()));
        reader.setName("numberCheckingReader");
        return reader;
    }
}
