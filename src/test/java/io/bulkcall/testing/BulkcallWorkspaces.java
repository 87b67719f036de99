package io.bulkcall.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.bulkcall.sandbox.SandboxServer;
import io.bulkcall.sandbox.SandboxSettings;
import io.bulkcall.time.SimulatedClock;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

import org.springframework.util.FileSystemUtils;

/**
 * Gives a test its {@link Workspace} in one line: a fresh folder, a sandbox Cartesia and bulkcall on one
 * {@link SimulatedClock}, set at {@link #START} (a Wednesday, 10:00 in New York, where the tests' numbers
 * are: inside the default calling window). The sandbox places answered calls of {@link #SANDBOX}; a
 * test that needs others calls {@link Workspace#useSandbox}. Declare a {@code Workspace} parameter on a
 * {@code @BeforeEach} or {@code @Test} method: both get the same one; on a {@code @BeforeAll} method,
 * every test of the class shares it. The sandbox is closed after the test (or the class), and the
 * folder deleted unless a test failed.
 * <p>
 * A class marked {@link OnSystemClock} gets its workspaces on the system clock instead, next to a
 * sandbox of {@link #SYSTEM_CLOCK_SANDBOX}: for tests beside a forked bulkcall, which runs on the
 * system clock, or that measure what other processes see in real time.
 */
public final class BulkcallWorkspaces implements ParameterResolver, AfterTestExecutionCallback {

    /** Wednesday 25 November 2026, 10:00 in New York, 15:00 in London. */
    public static final Instant START = Instant.parse("2026-11-25T15:00:00Z");

    /** A sandbox without limits that matter: every call answered, ringing 2 s and lasting 20 s. */
    public static final SandboxSettings SANDBOX = SandboxSettings.defaults().with(sandbox -> {
        sandbox.orgConcurrencyLimit = 10_000;
        sandbox.ringDuration = Duration.ofSeconds(2);
        sandbox.callDuration = Duration.ofSeconds(20);
        sandbox.failureRate = 0;
    });

    /**
     * A sandbox on the system clock whose calls a test can wait for: ringing 50 ms and lasting
     * 150 ms, one attempt in five failing, no limit that matters.
     */
    public static final SandboxSettings SYSTEM_CLOCK_SANDBOX = SandboxSettings.defaults().with(sandbox -> {
        sandbox.orgConcurrencyLimit = 10_000;
        sandbox.ringDuration = Duration.ofMillis(50);
        sandbox.callDuration = Duration.ofMillis(150);
    });

    /** Marks a test class whose workspaces run bulkcall and the sandbox on the system clock. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface OnSystemClock {
    }

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BulkcallWorkspaces.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Workspace.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).computeIfAbsent(Resources.class,
                type -> new Resources(context.getRequiredTestClass().isAnnotationPresent(OnSystemClock.class)),
                Resources.class)
            .workspace;
    }

    /** A failed test keeps its folder, to be looked at; a skipped one has nothing to show. */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        Resources resources = context.getStore(NAMESPACE).get(Resources.class, Resources.class);
        if (resources != null
                && context.getExecutionException().filter(e -> !(e instanceof TestAbortedException)).isPresent()) {
            resources.keep = true;
        }
    }

    /** What one test holds, closed by JUnit with the test's store. */
    private static final class Resources implements AutoCloseable {

        private final Path folder;
        private final Workspace workspace;
        private boolean keep;

        Resources(boolean onSystemClock) {
            try {
                folder = Files.createTempDirectory("bulkcall-test-");
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (onSystemClock) {
                workspace = new Workspace(folder, new SandboxServer(SYSTEM_CLOCK_SANDBOX).start());
            }
            else {
                SimulatedClock clock = new SimulatedClock(START);
                workspace = new Workspace(folder, new SandboxServer(SANDBOX, clock).start(), clock);
            }
        }

        @Override
        public void close() throws IOException {
            workspace.sandbox().close();
            if (keep) {
                return;
            }
            FileSystemUtils.deleteRecursively(folder);
        }
    }
}
