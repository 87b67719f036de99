package io.bulkcall.report;

import java.nio.file.Path;

import io.bulkcall.job.instance.ReplacedFile;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Writes {@code summary.json}: snake_case keys, ISO-8601 times, indented for people. Replaces the
 * file atomically. Thread-safe.
 */
@Component
class SummaryWriter {

    private final JsonMapper json = JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .build();

    public void write(Path target, Summary summary) {
        ReplacedFile.write(target, out -> out.write(json.writeValueAsString(summary) + "\n"));
    }
}
