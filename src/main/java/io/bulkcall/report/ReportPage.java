package io.bulkcall.report;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.bulkcall.job.instance.ReplacedFile;

/**
 * Writes {@code report.html}: one self-contained page (its style sheet and drawing inline, nothing
 * fetched, no script) that tells a job's story for a person, on screen or on paper. The page is the
 * template {@code report/report.html.mustache} filled with a {@link ReportView}; every value goes through
 * the engine's HTML escaping, and the template and its partials ({@code report.css}, the count and share
 * tables) are markup only. Replaces the file atomically, so a page is never seen half-written. The
 * template is compiled once; thread-safe.
 */
final class ReportPage {

    private static final String FOLDER = "/report/";

    // strict: a section or value the view model lacks fails the render, rather than leaving a hole in the page
    private static final Template TEMPLATE = Mustache.compiler()
        .withEscaper(Escapers.HTML)
        .strictSections(true)
        .withLoader(ReportPage::resource)
        .compile(resource("report.html.mustache"));

    private ReportPage() {
    }

    static void write(JobReport report, Path target) {
        ReplacedFile.write(target, out -> TEMPLATE.execute(ReportView.of(report), out));
    }

    /** The template or a partial it names, from this package's resource folder. */
    private static Reader resource(String name) {
        InputStream in = ReportPage.class.getResourceAsStream(FOLDER + name);
        if (in == null) {
            throw new IllegalStateException("report" + FOLDER + name + " is missing from the application");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
