package io.bulkcall.cli;

/** The exit codes of bulkcall, as the README lists them; the worst one of a run wins. */
final class ExitCodes {

    public static final int COMPLETED = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int REJECTED = 3;

    private ExitCodes() {
    }

    /** Of two outcomes, the one an operator must look at first: usage, then failure, then rejection. */
    public static int worst(int a, int b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(int code) {
        return switch (code) {
            case COMPLETED -> 0;
            case REJECTED -> 1;
            case FAILED -> 2;
            default -> 3;
        };
    }
}
