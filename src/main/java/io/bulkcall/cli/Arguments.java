package io.bulkcall.cli;

import java.util.Arrays;
import java.util.List;

/**
 * Splits the command line between Spring Boot and the command: {@code --some.dotted.name=value} is a
 * setting ({@code --bulkcall.batch.size=500}, {@code --spring.profiles.active=sandbox}); every other
 * argument belongs to the command ({@code run}, {@code status 7}, {@code --help}).
 */
record Arguments(List<String> command) {

    static Arguments of(String... args) {
        return new Arguments(Arrays.stream(args).filter(arg -> !isSetting(arg)).toList());
    }

    static boolean isSetting(String arg) {
        int equals = arg.indexOf('=');
        return arg.startsWith("--") && equals > 2 && arg.substring(2, equals).contains(".");
    }

    String[] commandArray() {
        return command.toArray(String[]::new);
    }
}
