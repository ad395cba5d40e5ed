package io.execbench.harness.write;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleTextTest {

    @Test
    void newlinesAndEscapesBecomeVisibleText() {
        assertThat(ConsoleText.escape("a\n::error title=x::b\r\t\u001b[2J\u0000"))
                .isEqualTo("a\\n::error title=x::b\\r\\t\\u001b[2J\\u0000");
    }

    @Test
    void formatCharactersAndLoneSurrogatesAreEscapedButWholePairsKept() {
        assertThat(ConsoleText.escape("\u202eabc\u2028\ud800x\ud83d\ude00")).isEqualTo("\\u202eabc\\u2028\\ud800x\ud83d\ude00");
    }

    @Test
    void plainTextIsUnchanged() {
        assertThat(ConsoleText.escape("KernelBenchmark.run [kernel=alu, workUnits=1000] (avgt): +12.0%"))
                .isEqualTo("KernelBenchmark.run [kernel=alu, workUnits=1000] (avgt): +12.0%");
        assertThat(ConsoleText.escape(null)).isEqualTo("null");
    }
}
