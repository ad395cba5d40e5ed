package io.execbench.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The topology goes into run.json as it is: Jackson must write the record with unknowns as null/"unknown". */
class TopologyJsonTest {

    @Test
    void writesUnderTheTopologyKeyWithUnknownsSpelledOut() throws URISyntaxException {
        Topology container = TopologyProbe.ofTree(Path.of(Objects.requireNonNull(
                TopologyJsonTest.class.getResource("/topology/container-1.5cpu")).toURI()), 2);
        JsonNode json = new ObjectMapper().valueToTree(Map.of("topology", container)).path("topology");
        assertThat(json.path("physicalCores").asInt()).isEqualTo(4);
        assertThat(json.path("cgroupCpuQuota").asText()).isEqualTo("1.5");
        assertThat(json.path("smtControl").asText()).isEqualTo("unknown");
        assertThat(json.path("caches").isNull()).isTrue();
        assertThat(json.path("siblingSets").toString()).isEqualTo("[[0,1],[2,3],[4,5],[6,7]]");
        assertThat(json.path("cpus").get(3).toString()).isEqualTo("{\"id\":3,\"socket\":0,\"coreId\":1,\"siblings\":[2,3]}");
        assertThat(json.has("usableCpus")).as("derived views are methods, not fields").isFalse();
    }
}
