package io.bulkcall.hostile;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.bulkcall.testing.BulkcallWorkspaces;
import io.bulkcall.testing.CsvFiles;
import io.bulkcall.testing.TestKeys;
import io.bulkcall.testing.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.bulkcall.hostile.HostileInputTest.assertNoStackTrace;
import static io.bulkcall.hostile.HostileInputTest.errorLines;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cartesia refusing a request ends the run in one line that names the call and gives Cartesia's own
 * message, exit code 1 (the job is restartable once the cause is fixed), and no stack trace on the
 * console.
 */
@ExtendWith({ BulkcallWorkspaces.class, OutputCaptureExtension.class })
class ApiRefusalTest {

    @RegisterExtension
    static WireMockExtension cartesia = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private Workspace workspace;

    @BeforeEach
    void dropNumbers(Workspace workspace) {
        this.workspace = workspace;
        workspace.drop("numbers.csv", CsvFiles.numbers(5));
    }

    @Test
    void anAgentCartesiaDoesNotKnowEndsInOneLineWithCartesiasMessage(CapturedOutput output) {
        // when: the sandbox knows agent_sandbox only
        int exitCode = workspace.run("run", "--bulkcall.agent-id=agent_unknown");

        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(errorLines(output)).singleElement()
            .asString()
            .contains("numbers.csv: job 1 failed: Create Call Batch \"bulkcall numbers #1 batch 1",
                    "failed: Cartesia answered 404 Not Found: agent 'agent_unknown' not found (error_code not_found",
                    "once fixed, resume with: bulkcall restart 1");
        assertNoStackTrace(output);
        assertThat(workspace.sandbox().batches()).isEmpty();
    }

    @Test
    void anUnauthorizedAnswerEndsInOneLineThatPointsAtTheKeyWithoutShowingIt(CapturedOutput output) {
        // given: a Cartesia that refuses the key, and quotes it back in its message
        cartesia.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)
            .withHeader("Content-Type", "application/json")
            .withBody("""
                    {"error_code":"unauthorized","title":"Unauthorized",\
                    "message":"API key %s is not valid","request_id":"req_1"}""".formatted(TestKeys.API_KEY))));

        // when
        int exitCode = workspace.run("run", "--bulkcall.cartesia.base-url=" + cartesia.baseUrl());

        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(errorLines(output)).singleElement()
            .asString()
            .contains("failed: Cartesia answered 401 Unauthorized: API key (hidden) is not valid",
                    "check CARTESIA_API_KEY");
        assertThat(output.getAll()).doesNotContain(TestKeys.API_KEY);
        assertNoStackTrace(output);
    }
}
