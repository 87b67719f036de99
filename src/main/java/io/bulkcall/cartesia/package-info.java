/**
 * The Cartesia Batch Calling API: {@link io.bulkcall.cartesia.CartesiaClient}, the synchronous
 * facade the job uses, over the {@code CartesiaApi} {@code @HttpExchange} interface (WebClient on
 * the JDK's HTTP client, {@code CartesiaWebClient}); the records it reads and writes (snake_case on
 * the wire); {@code RetryPolicy} and {@code Failure}, which decide what a failed attempt means; and
 * the exceptions that tell an operator what went wrong without ever showing the API key.
 */
package io.bulkcall.cartesia;
