package io.bulkcall.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.sandbox.SandboxSettings;
import io.bulkcall.time.SimulatedClock;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test its {@link Workspace} in one line: a fresh folder, a sandbox Cartesia and bulkcall on one
 * {@link SimulatedClock}, set at {@link #START} (a Wednesday, 10:00 in New York, where the tests' numbers
 * are: inside the default calling window). The sandbox places answered calls of {@link #SANDBOX}; a
 * test that needs others calls {@link Workspace#useSandbox}. Declare a {@code Workspace} parameter on a
 * {@code @BeforeEach} or {@code @Test} method: both get the same one. The sandbox is closed after the
 * test, and the folder deleted unless the test failed.
 */
public final class BulkcallWorkspaces implements ParameterResolver, AfterTestExecutionCallback {

    /** Wednesday 25 November 2026, 10:00 in New York, 15:00 in London. */
    public static final Instant START = Instant.parse("2026-11-25T15:00:00Z");

    /** A sandbox without limits that matter: every call answered, ringing 2 s and lasting 20 s. */
    public static final SandboxSettings SANDBOX = SandboxSettings.defaults()
        .withOrgConcurrencyLimit(10_000)
        .withDurations(Duration.ofSeconds(2), Duration.ofSeconds(20))
        .withFailureRate(0);

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BulkcallWorkspaces.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Workspace.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).computeIfAbsent(Resources.class, type -> new Resources(), Resources.class)
            .workspace;
    }

    /** A failed test keeps its folder, to be looked at. */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        Resources resources = context.getStore(NAMESPACE).get(Resources.class, Resources.class);
        if (resources != null && context.getExecutionException().isPresent()) {
            resources.keep = true;
        }
    }

    /** What one test holds, closed by JUnit with the test's store. */
    private static final class Resources implements AutoCloseable {

        private final Path folder;
        private final Workspace workspace;
        private boolean keep;

        Resources() {
            try {
                folder = Files.createTempDirectory("bulkcall-test-");
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            SimulatedClock clock = new SimulatedClock(START);
            workspace = new Workspace(folder, new SandboxServer(SANDBOX, clock).start(), clock);
        }

        @Override
        public void close() throws IOException {
            workspace.sandbox().close();
            if (keep) {
                return;
            }
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }
}
