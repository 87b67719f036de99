package io.bulkcall.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A step-level test of the bulkcall job ({@link SpringBatchTest}): bulkcall's application context
 * without its command line, on a job database and a folder of its own, with the Cartesia client
 * pointed at an in-process {@link io.bulkcall.sandbox.SandboxServer}, over HTTP. bulkcall and the
 * sandbox share a {@link io.bulkcall.time.SimulatedClock} set at {@link BulkcallWorkspaces#START},
 * which every wait of a step moves ahead: nothing sleeps. Spring keeps one context for the test
 * classes of the same settings, and {@link FreshStepState} empties it before each test, so that
 * each starts with an empty database, a sandbox without batches and the clock at {@code START}.
 * Each request to Cartesia is tried twice, a few milliseconds apart, so that two faults planned in
 * the sandbox spoil it for good. A test class tunes the sandbox
 * ({@code bulkcall.sandbox.*}) and bulkcall with {@code @TestPropertySource}, and runs steps with
 * {@link JobSteps}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBatchTest
@SpringBootTest(classes = StepTestConfiguration.class,
        properties = { "bulkcall.agent-id=agent_sandbox", "bulkcall.from-number-id=ap_sandbox",
                "bulkcall.cartesia.max-attempts=2", "bulkcall.cartesia.initial-backoff=10ms",
                "bulkcall.cartesia.max-backoff=50ms", "logging.file.name=target/step-tests.log" })
@ContextConfiguration(initializers = StepTestConfiguration.OwnFolderAndDatabase.class)
@ExtendWith(FreshStepState.class)
public @interface StepTest {
}
