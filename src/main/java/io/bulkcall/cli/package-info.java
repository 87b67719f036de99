/**
 * The command line ({@code bulkcall run|validate|status|restart|cancel}), on picocli, with
 * DESIGN.md's exit codes and one readable line for every error.
 */
package io.bulkcall.cli;
