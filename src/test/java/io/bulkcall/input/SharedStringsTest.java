package io.bulkcall.input;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedStringsTest {

    @Test
    void looksUpEachStringInAnyOrderFromTheTemporaryFile() throws Exception {
        // given strings over many strides, an empty one, and one longer than the read window
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < SharedStrings.STRIDE * 10; i++) {
            strings.add("+1 212 555 %04d ü".formatted(i));
        }
        strings.set(100, "");
        strings.set(200, "x".repeat(100_000));

        // when
        try (SharedStrings table = spill(strings)) {
            // then: backwards, then forwards, then the long one and a jump back
            for (int i = strings.size() - 1; i >= 0; i--) {
                assertThat(table.get(i)).isEqualTo(strings.get(i));
            }
            for (int i = 0; i < strings.size(); i++) {
                assertThat(table.get(i)).isEqualTo(strings.get(i));
            }
            assertThat(table.get(200)).hasSize(100_000);
            assertThat(table.get(3)).isEqualTo(strings.get(3));
        }
    }

    @Test
    void joinsTheRunsOfRichTextLeavingOutPhoneticGuides() throws Exception {
        // given
        String sst = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><r><t>Ann</t></r>"
                + "<r><rPr><b/></rPr><t xml:space=\"preserve\"> Smith</t></r><rPh sb=\"0\" eb=\"1\"><t>アン</t></rPh></si></sst>";

        // when
        try (SharedStrings table = SharedStrings.spill(Xml.reader(new ByteArrayInputStream(sst.getBytes(StandardCharsets.UTF_8))))) {
            // then
            assertThat(table.get(0)).isEqualTo("Ann Smith");
        }
    }

    @Test
    void refusesAnIndexTheTableDoesNotHave() throws Exception {
        try (SharedStrings table = spill(List.of("a"))) {
            assertThatThrownBy(() -> table.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    private static SharedStrings spill(List<String> strings) throws Exception {
        StringBuilder sst = new StringBuilder("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        for (String string : strings) {
            sst.append("<si><t>").append(string).append("</t></si>");
        }
        sst.append("</sst>");
        return SharedStrings.spill(Xml.reader(new ByteArrayInputStream(sst.toString().getBytes(StandardCharsets.UTF_8))));
    }
}
