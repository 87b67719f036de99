package io.bulkcall.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.test.util.TestSocketUtils;

/**
 * Gives each test a {@link Pushgateway} of its own: the real Prometheus Pushgateway, Debian's
 * {@code prometheus-pushgateway} binary, started on a free loopback port without a persistence file, as
 * {@link PostgresDatabases} starts a real PostgreSQL. A machine without the binary skips the test with
 * the line that installs it (an assumption, never a pass). Declare a {@code Pushgateway} parameter on a
 * {@code @BeforeEach} or {@code @Test} method: both get the same one, stopped after the test.
 */
public final class Pushgateways implements BeforeEachCallback, ParameterResolver {

    private static final String PUSHGATEWAY = "prometheus-pushgateway";

    /** What installs the binaries these tests need, on Debian; {@code .ci/run} runs it. */
    private static final String INSTALL = "apt-get install -y prometheus-pushgateway prometheus";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Pushgateways.class);

    /** Skips the test before anything is resolved: an assumption that fails in a resolver fails the test. */
    @Override
    public void beforeEach(ExtensionContext context) {
        binary(PUSHGATEWAY);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Pushgateway.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Path binary = binary(PUSHGATEWAY);
        return context.getStore(NAMESPACE)
            .computeIfAbsent(Pushgateway.class, type -> new Pushgateway(binary, TestSocketUtils.findAvailableTcpPort()),
                    Pushgateway.class);
    }

    /**
     * A Prometheus binary from the {@code PATH} ({@code /usr/bin} on Debian); skips the test, naming the
     * package to install, where it is missing.
     */
    public static Path binary(String name) {
        Optional<Path> found = Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(":"))
            .map(folder -> Path.of(folder, name))
            .filter(Files::isExecutable)
            .findFirst();
        Assumptions.assumeTrue(found.isPresent(), () -> name + " is not installed; on Debian: " + INSTALL);
        return found.get();
    }
}
