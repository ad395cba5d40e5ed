package io.execbench.harness.write;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import java.io.StringWriter;

/**
 * Renders the HTML templates in this package's resource folder. mustache.java HTML-escapes every {@code {{value}}};
 * the templates use the unescaped {@code {{{value}}}} only for chart SVG.
 */
final class Templates {

    /** Compiled templates are cached by the factory, which is thread-safe. */
    private static final MustacheFactory FACTORY = new DefaultMustacheFactory("io/execbench/harness/write");

    private Templates() {
    }

    /** Fills {@code template} (e.g. {@code report.html.mustache}) from {@code model}'s record accessors. */
    static String render(String template, Object model) {
        StringWriter out = new StringWriter();
        FACTORY.compile(template).execute(out, model);
        return out.toString();
    }
}
