package org.chaoslab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonOutputTest {

    @TempDir
    Path dir;

    record Summary(String model, int n, double g, double lyapunov, double[] spectrum, float ratio,
                   Double boxed, List<Double> list, Map<String, Object> extra) {
    }

    @Test
    void serializesRecordsWithNonFiniteNumbersAsNull() throws IOException {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("zeta", Double.NaN);
        extra.put("alpha", 1.0);
        Summary summary = new Summary("rate", 1000, 1.5, Double.NaN,
                new double[] {1.0, Double.POSITIVE_INFINITY, -0.25}, Float.NaN,
                Double.NEGATIVE_INFINITY, Arrays.asList(2.0, Double.NaN), extra);

        Path file = dir.resolve("summary.json");
        JsonOutput.write(file, summary);
        String text = Files.readString(file);

        assertThat(text).doesNotContain("NaN").doesNotContain("Infinity").endsWith("}\n");
        assertThat(text).contains("\"model\": \"rate\"").contains("  \"n\": 1000");
        JsonNode json = JsonOutput.read(file);
        assertThat(json.get("g").doubleValue()).isEqualTo(1.5);
        assertThat(json.get("lyapunov").isNull()).isTrue();
        assertThat(json.get("spectrum")).hasSize(3);
        assertThat(json.get("spectrum").get(0).doubleValue()).isEqualTo(1.0);
        assertThat(json.get("spectrum").get(1).isNull()).isTrue();
        assertThat(json.get("spectrum").get(2).doubleValue()).isEqualTo(-0.25);
        assertThat(json.get("ratio").isNull()).isTrue();
        assertThat(json.get("boxed").isNull()).isTrue();
        assertThat(json.get("list").get(1).isNull()).isTrue();
        // record components and map entries keep their order
        assertThat(json.fieldNames()).toIterable()
                .containsExactly("model", "n", "g", "lyapunov", "spectrum", "ratio", "boxed", "list", "extra");
        assertThat(json.get("extra").fieldNames()).toIterable().containsExactly("zeta", "alpha");
        assertThat(json.get("extra").get("zeta").isNull()).isTrue();
    }

    @Test
    void treesWithNonFiniteNumbersAlsoBecomeValidJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("x", Double.NaN).put("y", 2.5);
        assertThat(JsonOutput.toJson(node)).isEqualTo("{\n  \"x\": null,\n  \"y\": 2.5\n}");
    }

    @Test
    void toTreeAppliesTheSameRules() {
        JsonNode tree = JsonOutput.toTree(Map.of("m", new double[][] {{1, Double.NaN}}));
        assertThat(tree.get("m").get(0).get(0).doubleValue()).isEqualTo(1.0);
        assertThat(tree.get("m").get(0).get(1).isNull()).isTrue();
    }

    @Test
    void doublesRoundTripExactly() throws IOException {
        double[] values = {0.1, 1.0 / 3, 1e-310, 6.02214076e23, -0.0};
        Path file = dir.resolve("v.json");
        JsonOutput.write(file, Map.of("v", values));
        JsonNode v = JsonOutput.read(file).get("v");
        for (int i = 0; i < values.length; i++) {
            assertThat(v.get(i).doubleValue()).isEqualTo(values[i]);
        }
    }

    @Test
    void writesTimesAndPathsAsText() {
        String json = JsonOutput.toJson(Map.of("at", Instant.parse("2025-01-31T12:00:00Z"),
                "took", Duration.ofSeconds(90), "out", Path.of("runs", "a.npy")));
        assertThat(json).contains("\"at\": \"2025-01-31T12:00:00Z\"")
                .contains("\"took\": \"PT1M30S\"")
                .contains("\"out\": \"runs" + java.io.File.separator + "a.npy\"");
    }

    @Test
    void readsBackIntoRecordsAndAcceptsPythonNaN() throws IOException {
        RunMetadata meta = RunMetadata.capture("1.2.3").with("blas", "openblas");
        Path file = dir.resolve("meta.json");
        JsonOutput.write(file, meta);
        assertThat(JsonOutput.read(file, RunMetadata.class)).isEqualTo(meta);

        Path python = dir.resolve("py.json");
        Files.writeString(python, "{\"a\": NaN, \"b\": [Infinity, 1]}");
        assertThat(JsonOutput.read(python).get("a").doubleValue()).isNaN();
    }

    @Test
    void unserializableValuesGiveIllegalArgument() {
        assertThatThrownBy(() -> JsonOutput.toJson(new Object() {
            @SuppressWarnings("unused")
            public Object getSelf() {
                return this;
            }
        })).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cannot serialize");
    }
}
