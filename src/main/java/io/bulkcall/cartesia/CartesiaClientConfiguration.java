package io.bulkcall.cartesia;

import java.time.Clock;

import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.time.StopSignal;
import io.bulkcall.time.Waiter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The Cartesia client, pointed at the API the {@link CartesiaConnectionDetails} describe: the
 * settings' by default, or any other {@code CartesiaConnectionDetails} bean when one is defined
 * (the sandbox profile's in-process stand-in).
 */
@Configuration(proxyBeanMethods = false)
class CartesiaClientConfiguration {

    /** The API from the settings; a fallback, so that any other such bean takes its place. */
    @Bean
    @Fallback
    public CartesiaConnectionDetails propertiesCartesiaConnectionDetails(BulkcallProperties properties) {
        return new PropertiesCartesiaConnectionDetails(properties.cartesia());
    }

    /** Built with or without an API key: the key is checked when a request is sent. */
    @Bean
    public CartesiaClient cartesiaClient(CartesiaConnectionDetails connectionDetails, BulkcallProperties properties,
            Clock clock, WebClient.Builder webClientBuilder, Waiter waiter, StopSignal stopSignal) {
        return new CartesiaClient(connectionDetails, properties.cartesia(), clock, webClientBuilder, waiter, stopSignal);
    }
}
