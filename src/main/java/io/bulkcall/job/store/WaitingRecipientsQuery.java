package io.bulkcall.job.store;

import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.PagingQueryProvider;

/**
 * The pages of the submit step's reader: a job's recipients that wait for a batch, of the groups whose
 * batches are due (all groups, or those whose {@code zones} are in {@code :zones}, and those staged
 * with windows off when {@code withoutZones}), in line order, each page after the last key read. The
 * job's recipients are the range of keys {@code :first} to {@code :last} ({@link RecipientKey#ofJob}),
 * ordered and paged by the key, whose order is the lines': H2 reads the primary key in order, and
 * stops after a page, only when the ORDER BY is the index's. Ordered by {@code line}, it read and
 * sorted every remaining recipient for each page, seconds a page for a million-row file. Standard
 * SQL, for H2 and PostgreSQL alike. Immutable.
 */
final class WaitingRecipientsQuery implements PagingQueryProvider {

    private static final String WAITING = """
            SELECT row_key, line, to_number, metadata, zones, redial_round FROM bc_recipient
            WHERE row_key BETWEEN :first AND :last AND batch_no IS NULL AND not_dialed IS NULL""";

    private static final String PAGE = " ORDER BY row_key FETCH FIRST %d ROWS ONLY";

    private static final Map<String, Order> SORT_KEYS = Map.of("row_key", Order.ASCENDING);

    private final String waiting;

    private WaitingRecipientsQuery(String waiting) {
        this.waiting = waiting;
    }

    /** Every recipient that waits. */
    static WaitingRecipientsQuery all() {
        return new WaitingRecipientsQuery(WAITING);
    }

    /**
     * The recipients that wait in the groups named by the {@code :zones} parameter (a collection), and
     * those staged with windows off too when {@code withoutZones}, that are due at {@code :now}.
     */
    static WaitingRecipientsQuery dueInGroups(boolean withoutZones) {
        return new WaitingRecipientsQuery(WAITING + (withoutZones ? " AND (zones IN (:zones) OR zones IS NULL)"
                : " AND zones IN (:zones)") + " AND (redial_due_at IS NULL OR redial_due_at <= :now)");
    }

    /** The parameters that name the job: {@code :first} and {@code :last}. */
    static Map<String, Object> ofJob(long jobInstanceId) {
        Object[] keys = RecipientKey.ofJob(jobInstanceId);
        return Map.of("first", keys[0], "last", keys[1]);
    }

    @Override
    public void init(DataSource dataSource) {
        // the SQL is the same on every database bulkcall supports
    }

    @Override
    public String generateFirstPageQuery(int pageSize) {
        return waiting + PAGE.formatted(pageSize);
    }

    @Override
    public String generateRemainingPagesQuery(int pageSize) {
        return waiting + " AND row_key > :_row_key" + PAGE.formatted(pageSize);
    }

    @Override
    public int getParameterCount() {
        return waiting.contains(":zones") ? 4 : 2;
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
