package io.bulkcall.validation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A row's metadata: made once by the checkers, kept as it is, in file order, and changed by no one. */
class RowMetadataTest {

    @Test
    void anAcceptedRecipientKeepsTheMetadataTheCheckersMadeWithoutCopyingIt() {
        // given
        Map<String, String> checked = RowMetadata.of(new LinkedHashMap<>(Map.of("first_name", "Ann")));

        // when
        AcceptedRecipient recipient = new AcceptedRecipient(2, "+12125550143", checked, null, null);

        // then
        assertThat(recipient.metadata()).isSameAs(checked);
    }

    @Test
    void anAcceptedRecipientCopiesAnyOtherMapInItsOrderAndIsNotChangedWithIt() {
        // given
        LinkedHashMap<String, String> cells = new LinkedHashMap<>();
        cells.put("last_name", "Lee");
        cells.put("first_name", "Ann");

        // when
        AcceptedRecipient recipient = new AcceptedRecipient(2, "+12125550143", cells, null, null);
        cells.put("note", "added later");

        // then
        assertThat(recipient.metadata()).containsExactly(Map.entry("last_name", "Lee"), Map.entry("first_name", "Ann"));
    }

    @Test
    void noOneCanChangeTheMetadata() {
        // given
        Map<String, String> metadata = RowMetadata.copyOf(Map.of("first_name", "Ann"));

        // then
        assertThatThrownBy(() -> metadata.put("first_name", "Bob")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> metadata.entrySet().iterator().next().setValue("Bob"))
            .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(metadata::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThat(metadata).containsExactly(Map.entry("first_name", "Ann"));
    }
}
