package io.bulkcall.job.staging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.bulkcall.csv.CsvRow;
import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.time.SimulatedClock;
import io.bulkcall.validation.CheckedRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The validate step's progress line, from the chunks the step reads, on a simulated clock. */
@ExtendWith(OutputCaptureExtension.class)
class ValidationProgressListenerTest {

    @TempDir
    Path folder;

    @Test
    void theValidateStepLogsWhereItIsOnceTenSecondsHavePassed(CapturedOutput output) throws Exception {
        // given: a file of 100 rows of 17 bytes, and a listener that has seen 50 of them after 5 s
        String row = "+12125550100,abc\n";
        Path file = Files.writeString(folder.resolve("big.csv"), "to_number,id\n" + row.repeat(100));
        SimulatedClock clock = new SimulatedClock(BulkcallWorkspaces.START);
        ValidationProgressListener listener = new ValidationProgressListener(clock, file.toString(), "big.csv");
        listener.beforeStep(MetaDataInstanceFactory.createStepExecution());
        clock.advance(Duration.ofSeconds(5));
        listener.beforeChunk(rows(25));
        listener.beforeChunk(rows(25));

        // when
        clock.advance(Duration.ofSeconds(5));
        listener.beforeChunk(rows(25));

        // then
        assertThat(output.getAll()).containsOnlyOnce("validating")
            .contains("big.csv: validating, 75 rows read (74%), 8 rows/s, about 3s left");
    }

    private static Chunk<CheckedRow> rows(int count) {
        List<CheckedRow> rows = IntStream.range(0, count)
            .mapToObj(i -> new CheckedRow(new CsvRow(2 + i, List.of("+12125550100", "abc"), null), "+12125550100", null, null, null, Map.of(), null))
            .toList();
        return new Chunk<>(rows);
    }
}
