package org.chaoslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.chaoslab.analysis.Estimate;
import org.chaoslab.io.JsonOutput;
import org.junit.jupiter.api.Test;

/** summary.json writes an estimate with a standard error as it always did: {"value": …, "standardError": …}. */
class EstimateJsonTest {

    @Test
    void anEstimateWithAStandardErrorKeepsItsKeys() throws Exception {
        JsonNode j = new ObjectMapper().readTree(JsonOutput.toJson(Map.of("nugget", Estimate.withStandardError(0.5, 0.25))));
        assertThat(j.get("nugget").fieldNames()).toIterable().containsExactly("value", "standardError");
        assertThat(j.get("nugget").get("value").asDouble()).isEqualTo(0.5);
        assertThat(j.get("nugget").get("standardError").asDouble()).isEqualTo(0.25);
        assertThat(new ObjectMapper().readTree(JsonOutput.toJson(Estimate.mean(1.0))).get("standardError").isNull()).isTrue();
    }
}
