package org.chaoslab.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RunMetadataTest {

    @Test
    void capturesTheEnvironmentAndAcceptsExtras() {
        Clock clock = Clock.fixed(Instant.parse("2025-03-04T05:06:07.891Z"), ZoneOffset.UTC);
        RunMetadata meta = RunMetadata.capture("0.1.0", clock).with("blas", "java").with("threads", "8");

        assertThat(meta.chaoslabVersion()).isEqualTo("0.1.0");
        assertThat(meta.timestamp()).isEqualTo("2025-03-04T05:06:07Z");
        assertThat(meta.javaVersion()).startsWith(String.valueOf(Runtime.version().feature()));
        assertThat(meta.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(meta.os()).contains(System.getProperty("os.name"));
        assertThat(meta.extra()).containsExactly(
                org.assertj.core.api.Assertions.entry("blas", "java"),
                org.assertj.core.api.Assertions.entry("threads", "8"));
        assertThat(JsonOutput.toJson(meta)).contains("\"timestamp\": \"2025-03-04T05:06:07Z\"")
                .contains("\"blas\": \"java\"");
    }
}
