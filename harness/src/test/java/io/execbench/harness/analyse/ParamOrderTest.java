package io.execbench.harness.analyse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamOrderTest {

    @Test
    void numbersSortByValueNotAsText() {
        List<Map<String, String>> params = new ArrayList<>(List.of(
                Map.of("size", "100"), Map.of("size", "2"), Map.of("size", "1e1"), Map.of("size", "-3.5")));

        params.sort(ParamOrder.INSTANCE);

        assertThat(params).extracting(p -> p.get("size")).containsExactly("-3.5", "2", "1e1", "100");
    }

    @Test
    void textSortsAsTextAfterNumbers() {
        List<Map<String, String>> params = new ArrayList<>(List.of(
                Map.of("model", "pool"), Map.of("model", "16"), Map.of("model", "inline")));

        params.sort(ParamOrder.INSTANCE);

        assertThat(params).extracting(p -> p.get("model")).containsExactly("16", "inline", "pool");
    }

    @Test
    void earlierParamNameDecidesFirstWhateverTheMapOrder() {
        List<Map<String, String>> params = new ArrayList<>(List.of(
                Map.of("b", "1", "a", "2"), Map.of("a", "1", "b", "2"), Map.of("a", "1", "b", "1")));

        params.sort(ParamOrder.INSTANCE);

        assertThat(params).containsExactly(
                Map.of("a", "1", "b", "1"), Map.of("a", "1", "b", "2"), Map.of("a", "2", "b", "1"));
    }

    @Test
    void noParamsSortBeforeAnyParams() {
        assertThat(ParamOrder.INSTANCE.compare(Map.of(), Map.of("a", "1"))).isNegative();
        assertThat(ParamOrder.INSTANCE.compare(Map.of("b", "1"), Map.of("a", "1", "b", "1"))).isNegative();
    }

    @Test
    void labelsNameEveryParamInNameOrder() {
        assertThat(ParamLabel.of(Map.of("size", "10", "label", "x"))).isEqualTo("label=x, size=10");
        assertThat(ParamLabel.of(Map.of())).isEqualTo("(no params)");
    }
}
