package io.bulkcall.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import io.bulkcall.job.instance.ReportFolder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads a job's {@code report.html} back with an HTML parser of its own (jsoup), and checks it against
 * what the page promises: it fetches nothing, and every count on it is the count of {@code summary.json}
 * its {@code data-count} pointer names.
 */
public final class ReportPages {

    /** Element names that load or embed something from elsewhere. */
    private static final List<String> EMBEDDING = List.of("script", "link", "img", "iframe", "object", "embed",
            "video", "audio", "source", "image", "use", "base", "form", "picture", "track", "frame");

    /** Attributes whose value is fetched or followed. */
    private static final List<String> REFERENCING = List.of("src", "href", "xlink:href", "srcset", "action", "data",
            "poster", "background", "formaction", "manifest", "ping");

    private static final Pattern EXTERNAL_CSS = Pattern.compile("url\\s*\\(|@import|@font-face", Pattern.CASE_INSENSITIVE);

    private ReportPages() {
    }

    public static Document parse(Path html) {
        try {
            return Jsoup.parse(html.toFile(), "UTF-8");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No element, attribute, style or text of the page refers to anything outside it. */
    public static void assertSelfContained(Path html) {
        Document page = parse(html);
        String text = read(html);
        assertThat(page.select(String.join(",", EMBEDDING))).as("elements that load something").isEmpty();
        for (Element element : page.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertThat(REFERENCING).as("<%s %s=\"%s\">", element.tagName(), attribute.getKey(), attribute.getValue())
                    .doesNotContain(attribute.getKey().toLowerCase());
                assertThat(attribute.getKey()).as("event handler on <%s>", element.tagName()).doesNotStartWith("on");
            }
        }
        page.select("style").forEach(style -> assertThat(EXTERNAL_CSS.matcher(style.data()).find())
            .as("a style sheet that fetches: %s", style.data()).isFalse());
        page.select("[style]").forEach(element -> assertThat(EXTERNAL_CSS.matcher(element.attr("style")).find())
            .as("a style that fetches: %s", element.attr("style")).isFalse());
        assertThat(text).as("URLs in the page").doesNotContain("://").doesNotContainIgnoringCase("javascript:");
    }

    /**
     * Every {@code data-count} element's number equals the value its JSON Pointer names in
     * {@code summary.json}; returns how many were checked.
     */
    public static int assertCountsAgreeWithSummary(Path folder) {
        JsonNode summary = JsonMapper.builder().build().readTree(read(folder.resolve(ReportFolder.SUMMARY_JSON)));
        var counts = parse(folder.resolve(ReportFolder.REPORT_HTML)).select("[data-count]");
        for (Element count : counts) {
            String pointer = count.attr("data-count");
            JsonNode value = summary.at(pointer);
            assertThat(value.isMissingNode()).as("summary.json has %s", pointer).isFalse();
            assertThat(Long.parseLong(count.text().replace(",", ""))).as("the page's %s", pointer)
                .isEqualTo(value.asLong());
        }
        return counts.size();
    }

    public static JsonNode summary(Path folder) {
        return JsonMapper.builder().build().readTree(read(folder.resolve(ReportFolder.SUMMARY_JSON)));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
