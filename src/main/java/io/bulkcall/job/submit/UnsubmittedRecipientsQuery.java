package io.bulkcall.job.submit;

import java.util.Map;
import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.PagingQueryProvider;

/**
 * The pages of the submit step's reader: a job's recipients not yet in a batch, in line order, each
 * page after the last line read. The ORDER BY names both columns of the primary key
 * {@code (job_instance_id, line)}, which orders these rows as {@code line} alone does (the job is fixed
 * by the WHERE clause): H2 reads an index in order, and stops after a page, only when the ORDER BY
 * starts with the index's first column. Ordered by {@code line} alone, it read and sorted every
 * remaining recipient for each page, seconds a page for a million-row file. Standard SQL, for H2 and
 * PostgreSQL alike. Stateless.
 */
final class UnsubmittedRecipientsQuery implements PagingQueryProvider {

    private static final String UNSUBMITTED =
            "SELECT line, to_number, metadata FROM bc_recipient WHERE job_instance_id = :jobInstanceId AND batch_id IS NULL";

    private static final String PAGE = " ORDER BY job_instance_id, line FETCH FIRST %d ROWS ONLY";

    private static final Map<String, Order> SORT_KEYS = Map.of("line", Order.ASCENDING);

    @Override
    public void init(DataSource dataSource) {
        // the SQL is the same on every database bulkcall supports
    }

    @Override
    public String generateFirstPageQuery(int pageSize) {
        return UNSUBMITTED + PAGE.formatted(pageSize);
    }

    @Override
    public String generateRemainingPagesQuery(int pageSize) {
        return UNSUBMITTED + " AND line > :_line" + PAGE.formatted(pageSize);
    }

    @Override
    public int getParameterCount() {
        return 1;
    }

    @Override
    public boolean isUsingNamedParameters() {
        return true;
    }

    @Override
    public Map<String, Order> getSortKeys() {
        return SORT_KEYS;
    }

    @Override
    public String getSortKeyPlaceHolder(String keyName) {
        return ":_" + keyName;
    }

    @Override
    public Map<String, Order> getSortKeysWithoutAliases() {
        return SORT_KEYS;
    }
}
