package io.bulkcall.job.staging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

import io.bulkcall.csv.CsvHeader;
import io.bulkcall.csv.CsvRow;
import io.bulkcall.job.instance.ReportFolders;
import io.bulkcall.testing.CallList;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.DatabaseFaults;
import io.bulkcall.testing.JobSteps;
import io.bulkcall.testing.StepTest;
import io.bulkcall.validation.AcceptedRecipient;
import io.bulkcall.validation.CheckedRow;
import io.bulkcall.validation.ContactLimits;
import io.bulkcall.validation.PhoneNumberNormalizer;
import io.bulkcall.validation.RowChecker;
import io.bulkcall.validation.RowScreener;
import io.bulkcall.validation.ScreenedRow;
import io.bulkcall.window.CallingWindowSettings;
import io.bulkcall.window.DailyHours;
import io.bulkcall.window.WeekDays;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.Advised;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The {@code validate} step on its own, stopped half-way by a failure and restarted, as Spring
 * Batch's restart samples do: 1,000 valid numbers and three bad rows (lines 102, 503 and 904, the
 * last a duplicate of line 2), in chunks of 100 rows.
 */
@StepTest
@TestPropertySource(properties = "bulkcall.batch.size=100")
class ValidateStepTest {

    private static final CallList INPUT = CallList.of(1_000);

    @Autowired
    private JobSteps steps;

    @Autowired
    private DatabaseFaults database;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private ReportFolders reportFolders;

    @Autowired
    private CheckedRowReader numberCheckingReader;

    @Autowired
    private RowScreener rowScreener;

    @Test
    void aRunThatFailedMidFileIsRestartedAfterItsLastChunkAndAccountsForEveryRowOnce() {
        // given: a first run whose sixth chunk failed as the job database refused line 600
        JobSteps.StagedJob job = steps.dropped("numbers.csv", INPUT.content());
        database.refuse("bc_recipient", "line = 600");
        StepExecution failed = job.startStep("validate");
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(linesAccountedFor(job)).isEqualTo(lines(2, 501));

        // when
        database.forgetPlannedFaults();
        StepExecution restarted = job.startStep("validate");

        // then: it read from line 502 on, the rolled-back chunk included, and the duplicate of a
        // number staged before the restart is still one
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getReadCount()).isEqualTo(INPUT.dataRows() - 500);
        assertThat(linesAccountedFor(job)).isEqualTo(lines(2, INPUT.dataRows() + 1));
        List<CSVRecord> rejected = CsvFiles.records(reportFolders.of(job.instanceId(), job.file()).rejectedCsv());
        assertThat(rejected).extracting(row -> row.get("line"), row -> row.get("reason"))
            .containsExactly(tuple("102", "INVALID_NUMBER"), tuple("503", "MISSING_NUMBER"), tuple("904", "DUPLICATE"));
    }

    @Test
    void theStepsScopeClosesItsScreenerSoThatItsTableOfNumbersGoesWithTheStep() throws Exception {
        // given the screener of a validate step, which knows the numbers the step staged
        StepExecution validate = steps.dropped("numbers.csv", INPUT.content()).startStep("validate");
        StepSynchronizationManager.register(validate);
        numberCheckingReader.open(validate.getExecutionContext());
        RowScreener screener = (RowScreener) ((Advised) rowScreener).getTargetSource().getTarget();

        // when the scope ends as a step's does, and the number the step staged from line 2 is screened again
        StepSynchronizationManager.release();
        CsvRow again = new CsvRow(5000, List.of(INPUT.validNumbers().get(0), "cust-again"), null);
        ScreenedRow screened = screener.process(checked(again));

        // then: the screener forgot it, as the scope closed it
        assertThat(screened).isInstanceOf(AcceptedRecipient.class);
    }

    /** The row with its number checked, calling windows off. */
    private static CheckedRow checked(CsvRow row) {
        CallingWindowSettings off = new CallingWindowSettings(false, DailyHours.parse("09:00-20:00"),
                WeekDays.parse("MON-SAT"), List.of(), null, Duration.ofMinutes(5));
        return RowChecker.of(new PhoneNumberNormalizer("US"), off, Instant.EPOCH, ContactLimits.NONE)
            .check(List.of(row), new CsvHeader(List.of("to_number", "customer_id"), 0)).get(0);
    }

    /** The lines in {@code bc_recipient} or {@code bc_rejection}, in order, with repeats. */
    private List<Long> linesAccountedFor(JobSteps.StagedJob job) {
        return jdbc.sql("""
                SELECT line FROM bc_recipient WHERE job_instance_id = :job
                UNION ALL SELECT line FROM bc_rejection WHERE job_instance_id = :job
                ORDER BY line""").param("job", job.instanceId()).query(Long.class).list();
    }

    private static List<Long> lines(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }
}
