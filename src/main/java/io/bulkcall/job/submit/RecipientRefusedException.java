package io.bulkcall.job.submit;

import java.util.Optional;

import io.bulkcall.cartesia.CartesiaException;
import io.bulkcall.job.instance.InputFile;

/**
 * Cartesia refused a call batch for one of its recipients (a rule bulkcall does not know, as Cartesia
 * may add them): the job fails, restartable, with a line that names the file's line and column an
 * operator can fix, not an index into a batch. Nothing of the batch was created.
 */
class RecipientRefusedException extends RuntimeException {

    private RecipientRefusedException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @param column the column of the file the refusal names, when it names one
     */
    static RecipientRefusedException of(InputFile file, long line, Optional<String> column, CartesiaException refused) {
        String where = file.name() + ", line " + line + column.map(header -> ", column \"" + header + "\"").orElse("");
        return new RecipientRefusedException(where + ": " + refused.getMessage(), refused);
    }
}
