/**
 * The Cartesia Batch Calling API: {@link io.bulkcall.cartesia.CartesiaClient}, the records it reads
 * and writes (snake_case on the wire), and the exceptions that tell an operator what went wrong
 * without ever showing the API key.
 */
package io.bulkcall.cartesia;
