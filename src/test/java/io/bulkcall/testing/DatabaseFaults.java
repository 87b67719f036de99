package io.bulkcall.testing;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Failures planned in a {@link StepTest}'s job database, as a full disk or a lost connection would
 * fail a write: a table refuses the rows a condition picks, so that the transaction writing one rolls
 * back and its step fails, until the test forgets the plan (before a restart) or the next test begins
 * ({@link FreshStepState}). A check constraint does it, on every write of such a row. Not thread-safe:
 * tests plan and forget from their own thread.
 */
public final class DatabaseFaults {

    private static final String CONSTRAINT = "planned_failure";

    private final JdbcTemplate jdbc;
    private final List<String> tables = new ArrayList<>();

    DatabaseFaults(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes the table refuse every row the condition holds for, inserted or updated from now on.
     *
     * @param rows an SQL condition over the table's columns, such as {@code line = 500}
     */
    public void refuse(String table, String rows) {
        jdbc.execute("ALTER TABLE " + table + " ADD CONSTRAINT " + CONSTRAINT + " CHECK (NOT (" + rows + "))");
        tables.add(table);
    }

    /** Lets every table take every row again. */
    public void forgetPlannedFaults() {
        tables.forEach(table -> jdbc.execute("ALTER TABLE " + table + " DROP CONSTRAINT IF EXISTS " + CONSTRAINT));
        tables.clear();
    }
}
