/**
 * The command line ({@code bulkcall run|validate|status|restart|cancel|purge}), on picocli, with
 * the exit codes of {@link io.bulkcall.cli.ExitCodes} and one readable line for every error.
 */
package io.bulkcall.cli;
