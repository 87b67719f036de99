/**
 * The settings of bulkcall: one validated {@code @ConfigurationProperties} record tree.
 */
package io.bulkcall.config;
