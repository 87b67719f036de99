package io.bulkcall.testing;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * One empty PostgreSQL database of the shared embedded server, owned by a role without superuser
 * rights, as an operator would give bulkcall. {@link PostgresDatabases} hands a fresh one to each
 * test, so tests never see each other's job instances.
 */
public record PostgresDatabase(String url, String username, String password) {

    /** Settings that point bulkcall at this database with the {@code postgres} profile. */
    public String[] springArguments() {
        return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + username, "--spring.datasource.password=" + password)
            .toArray(String[]::new);
    }

    /** The environment variables of the {@code postgres} profile, as an operator sets them. */
    public Map<String, String> environment() {
        return Map.of("BULKCALL_DB_URL", url, "BULKCALL_DB_USER", username, "BULKCALL_DB_PASSWORD", password);
    }

    /** A client for looking at the tables; every call opens and closes its own connection. */
    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource());
    }

    /** Connections to this database, each opened and closed by its user. */
    public DataSource dataSource() {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), url, username, password);
    }
}
