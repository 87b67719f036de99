package io.bulkcall.database;

import java.util.Optional;
import java.util.function.Predicate;

/** The causes of a failure the job database's driver or pool raised, searched for what the operator is told. */
final class Causes {

    private Causes() {
    }

    /** The first of the failure's causes, itself included, of this type and kind. */
    static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type, Predicate<T> kind) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause) && kind.test(type.cast(cause))) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }
}
