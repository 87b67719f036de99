package io.bulkcall.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one line a start that failed on the job database prints: the driver's words, and under them the
 * file system's where the driver failed on its file. The exceptions are shaped as H2's and PostgreSQL's
 * drivers chain them (the whole chain is in the log).
 */
class StartupFailureTest {

    @Test
    void aJobDatabaseWhoseDiskIsFullSaysSoAfterTheDriversWords() {
        // given: H2 failed to write a page, closed the database, and Flyway met it closed
        Throwable failure = new BeanCreationException("flywayInitializer", "Unable to lock table",
                new SQLNonTransientConnectionException("The database has been closed; SQL statement:\nSELECT 1",
                        new IllegalStateException("Writing to sun.nio.ch.FileChannelImpl@4348fa35 failed; length 16384",
                                new IOException("No space left on device"))));

        // when
        String line = StartupFailure.oneLine(failure);

        // then
        assertThat(line).isEqualTo("cannot open the job database (spring.datasource.url): The database has been closed "
                + "(No space left on device)");
        assertThat(StartupFailure.exitCode(failure)).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aServerThatRefusesTheConnectionIsNamedInTheDriversWordsAlone() {
        // given
        Throwable failure = new BeanCreationException("dataSource", "Failed to initialize pool",
                new SQLException("Connection to 127.0.0.1:1 refused. Check that the hostname and port are correct",
                        new ConnectException("Connection refused")));

        // when
        String line = StartupFailure.oneLine(failure);

        // then
        assertThat(line).isEqualTo("cannot open the job database (spring.datasource.url): Connection to 127.0.0.1:1 "
                + "refused. Check that the hostname and port are correct");
    }
}
