package io.bulkcall.job.staging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.bulkcall.config.CartesiaVersion;
import io.bulkcall.input.InputFixtures;
import io.bulkcall.job.instance.InputFile;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        CheckedRowReader first = reader(InputFile.of(csv));
        first.open(new ExecutionContext());
        first.read();
        first.read();
        first.update(saved);
        first.close();

        // when the next execution opens with that context
        CheckedRowReader second = reader(InputFile.of(csv));
        second.open(saved);
        CheckedRow next = second.read();
        CheckedRow end = second.read();
        second.close();

        // then
        assertThat(saved.getLong("numberCheckingReader.read.count")).isEqualTo(2);
        assertThat(next.rawNumber()).isEqualTo("+12125550199");
        assertThat(end).isNull();
    }

    @Test
    void aRestartThatFindsOtherContentUnderTheFilesNameReadsNoneOfIt() throws IOException {
        // given a first execution that returned one row, then another export written over the file
        Path csv = Files.writeString(dir.resolve("in.csv"), "to_number\n+12125550143\n+12125550178\n");
        InputFile began = InputFile.of(csv);
        ExecutionContext saved = new ExecutionContext();
        CheckedRowReader first = reader(began);
        first.open(new ExecutionContext());
        first.read();
        first.update(saved);
        first.close();
        Files.writeString(csv, "to_number\n+13125550100\n+13125550101\n");

        // when, then
        assertThatThrownBy(() -> reader(began).open(saved)).isInstanceOf(ReplacedInputFileException.class)
            .hasMessage(csv.toAbsolutePath() + " is no longer the file its job began with (its content has changed): "
                    + "validating it would make one job of two files. Put back the file the job began with (sha256 "
                    + began.sha256().substring(0, 12) + "…) to go on with it, or leave it: as it is now, it is a new "
                    + "job for the next run");
    }

    private static CheckedRowReader reader(InputFile csv) {
        CallingWindowSettings off = new CallingWindowSettings(false, DailyHours.parse("09:00-20:00"),
                WeekDays.parse("MON-SAT"), List.of(), null, Duration.ofMinutes(5));
        CheckedRowReader reader = new CheckedRowReader(csv, InputFixtures.inputFiles(),
                RowChecker.of(new PhoneNumberNormalizer("US"), off, Instant.EPOCH, ContactLimits.NONE), Runnable::run,
                (file, header) -> SentColumns.of(file, header.metadataColumns(), CartesiaVersion.V2026_03_01, List.of()));
        reader.setName("numberCheckingReader");
        return reader;
    }
}
