package io.bulkcall.database;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a query over many rows that the caller takes one at a time (the numbers a job has seen, those
 * at their contact limit, the rows of {@code results.csv}, the report's hours), with the rows handed
 * over as the database reads them, a thousand at a time, so that a million of them are never in the
 * heap at once.
 *
 * <p>Why a transaction and a fetch size: PostgreSQL's driver reads a result through a cursor only
 * when it has a fetch size and auto-commit is off; otherwise it reads every row into the heap before
 * it hands over the first. So the query joins the caller's transaction, or runs in a read-only one of
 * its own. H2 hands rows over as it reads them because of {@code LAZY_QUERY_EXECUTION} in its file
 * URL ({@link H2FileUrl}); a fetch size does nothing there. A lazy result sees what its own
 * transaction writes while it is open: a caller reads to the end before it writes. Thread-safe.
 */
public final class StreamedQuery {

    static final int FETCH_SIZE = 1000;

    private final NamedParameterJdbcTemplate jdbc;

    private final TransactionTemplate readOnly;

    /** @param transactionManager the job database's, so that the query joins the caller's transaction */
    public StreamedQuery(DataSource dataSource, PlatformTransactionManager transactionManager) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /** Hands each row of the query, with {@code ?} parameters, to {@code rows}, in the database's order. */
    public void query(String sql, RowCallbackHandler rows, Object... arguments) {
        readOnly.executeWithoutResult(status -> jdbc.getJdbcTemplate().query(sql, rows, arguments));
    }

    /** Hands each row of the query, with named parameters, to {@code rows}, in the database's order. */
    public void query(String sql, SqlParameterSource parameters, RowCallbackHandler rows) {
        readOnly.executeWithoutResult(status -> jdbc.query(sql, parameters, rows));
    }
}
