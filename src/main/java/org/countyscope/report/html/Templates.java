package org.countyscope.report.html;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The FreeMarker templates the HTML pages are rendered from: {@code templates/report/*.ftlh} (and the style sheets
 * they include) on the classpath, optionally overridden file by file from a folder the bureau's web staff edit
 * ({@value #PROPERTY} system property or {@value #ENV} environment variable). Every template is {@code .ftlh}, so
 * FreeMarker HTML-escapes each {@code ${...}}; the {@code new} and {@code ?api} built-ins are off, so a template
 * cannot reach Java classes. One configuration per template folder per JVM.
 */
public final class Templates {
    /** System property naming a folder whose templates replace the bundled ones of the same name. */
    public static final String PROPERTY = "countyscope.templates";
    /** Environment variable read when the system property is not set. */
    public static final String ENV = "COUNTYSCOPE_TEMPLATES";
    /** Where the bundled templates sit on the classpath. */
    static final String CLASSPATH_BASE = "/templates/report";

    private static final Templates BUNDLED = new Templates(null);
    private static final Map<Path, Templates> OVERRIDDEN = new ConcurrentHashMap<>();

    private final Configuration config;
    private final Path folder;

    private Templates(Path folder) {
        this.folder = folder;
        this.config = configuration(folder);
    }

    /** The bundled templates only. */
    public static Templates bundled() {
        return BUNDLED;
    }

    /** The templates of {@code folder} where it has one of the name, the bundled ones otherwise. */
    public static Templates overriddenBy(Path folder) {
        Objects.requireNonNull(folder, "folder");
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("template folder " + folder + " is not a directory");
        }
        return OVERRIDDEN.computeIfAbsent(folder.toAbsolutePath().normalize(), Templates::new);
    }

    /** The templates this JVM renders with: the {@value #PROPERTY} / {@value #ENV} folder over the bundled ones. */
    public static Templates current() {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            dir = System.getenv(ENV);
        }
        return dir == null || dir.isBlank() ? BUNDLED : overriddenBy(Path.of(dir.strip()));
    }

    /** The override folder, or null for the bundled templates alone. */
    public Path folder() {
        return folder;
    }

    /** The named template rendered over {@code model} (exposed to the template as {@code page}). */
    String render(String template, Object model) {
        StringWriter out = new StringWriter(16_384);
        try {
            config.getTemplate(template).process(Map.of("page", model), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + template + where(), e);
        } catch (TemplateException e) {
            throw new IllegalStateException("template " + template + where() + " failed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private String where() {
        return folder == null ? "" : " (templates from " + folder + ")";
    }

    private static Configuration configuration(Path folder) {
        Configuration c = new Configuration(Configuration.VERSION_2_3_35);
        TemplateLoader bundled = new ClassTemplateLoader(Templates.class, CLASSPATH_BASE);
        if (folder == null) {
            c.setTemplateLoader(bundled);
        } else {
            try {
                c.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {
                    new FileTemplateLoader(folder.toFile()), bundled}));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read template folder " + folder, e);
            }
        }
        c.setDefaultEncoding("UTF-8");
        c.setOutputEncoding("UTF-8");
        c.setRecognizeStandardFileExtensions(true); // .ftlh: HTML output format, auto-escaping on
        c.setLocalizedLookup(false);
        c.setNumberFormat("computer"); // 1234, never "1,234"
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setAPIBuiltinEnabled(false);
        return c;
    }
}
