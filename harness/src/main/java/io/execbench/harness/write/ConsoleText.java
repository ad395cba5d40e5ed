package io.execbench.harness.write;

import java.util.Locale;

/**
 * Text for the console and CI logs. Benchmark names, parameters, reasons and error messages come from results files
 * (untrusted), and a newline in one could start a line of its own: {@code "\n::error title=x::"} would become a
 * GitHub Actions workflow command, an ANSI escape could repaint the terminal, a bidirectional override could make a
 * line read other than it is. Every line printed goes through {@link #escape}, which writes control and format
 * characters as visible escapes ({@code \n}, {@code \u001b}).
 */
public final class ConsoleText {

    private ConsoleText() {
    }

    /**
     * {@code text} with every control or format character, line or paragraph separator and lone surrogate written
     * as an escape; null reads {@code null}.
     */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i)); // a whole pair: an ordinary character beyond U+FFFF
            } else {
                out.append(escaped(c));
            }
        }
        return out.toString();
    }

    private static String escaped(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> {
                int type = Character.getType(c);
                boolean hidden = type == Character.CONTROL || type == Character.FORMAT
                        || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                        || Character.isSurrogate(c);
                yield hidden ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c);
            }
        };
    }
}
